/**
 * Mixtree. Generated from model/mixtree.genmodel: do not edit; regenerate (see README.md).
 */
package org.mixtree.model.impl;

import org.eclipse.emf.ecore.EClass;

import org.mixtree.model.Bus;
import org.mixtree.model.MixtreePackage;

/**
 * <!-- begin-user-doc -->
 * An implementation of the model object '<em><b>Bus</b></em>'.
 * <!-- end-user-doc -->
 *
 * @generated
 */
public class BusImpl extends ChannelImpl implements Bus {
	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected BusImpl() {
		super();
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	protected EClass eStaticClass() {
		return MixtreePackage.Literals.BUS;
	}

} //BusImpl
