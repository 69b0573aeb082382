/**
 * Mixtree. Generated from model/mixtree.genmodel: do not edit; regenerate (see README.md).
 */
package org.mixtree.model;


/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Bus</b></em>'.
 * <!-- end-user-doc -->
 *
 *
 * @see org.mixtree.model.MixtreePackage#getBus()
 * @model
 * @generated
 */
public interface Bus extends Channel {
} // Bus
