/**
 * Mixtree. Generated from model/mixtree.genmodel: do not edit; regenerate (see README.md).
 */
package org.mixtree.model;


/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Bus</b></em>'.
 * <!-- end-user-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link org.mixtree.model.Bus#isSoloSafe <em>Solo Safe</em>}</li>
 * </ul>
 *
 * @see org.mixtree.model.MixtreePackage#getBus()
 * @model
 * @generated
 */
public interface Bus extends Channel {
	/**
	 * Returns the value of the '<em><b>Solo Safe</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * Solo-safe: neither solo nor focus silences this bus or what reaches the master through it (an effect return, say); mute still does.
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>Solo Safe</em>' attribute.
	 * @see #setSoloSafe(boolean)
	 * @see org.mixtree.model.MixtreePackage#getBus_SoloSafe()
	 * @model
	 * @generated
	 */
	boolean isSoloSafe();

	/**
	 * Sets the value of the '{@link org.mixtree.model.Bus#isSoloSafe <em>Solo Safe</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Solo Safe</em>' attribute.
	 * @see #isSoloSafe()
	 * @generated
	 */
	void setSoloSafe(boolean value);

} // Bus
