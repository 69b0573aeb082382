/**
 * Mixtree. Generated from model/mixtree.genmodel: do not edit; regenerate (see README.md).
 */
package org.mixtree.model;

import org.eclipse.emf.common.util.EList;

import org.eclipse.emf.ecore.EObject;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Insert</b></em>'.
 * <!-- end-user-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link org.mixtree.model.Insert#getEffectId <em>Effect Id</em>}</li>
 *   <li>{@link org.mixtree.model.Insert#isBypass <em>Bypass</em>}</li>
 *   <li>{@link org.mixtree.model.Insert#getParameters <em>Parameters</em>}</li>
 *   <li>{@link org.mixtree.model.Insert#getFiles <em>Files</em>}</li>
 *   <li>{@link org.mixtree.model.Insert#getState <em>State</em>}</li>
 *   <li>{@link org.mixtree.model.Insert#getSidechain <em>Sidechain</em>}</li>
 * </ul>
 *
 * @see org.mixtree.model.MixtreePackage#getInsert()
 * @model
 * @generated
 */
public interface Insert extends EObject {
	/**
	 * Returns the value of the '<em><b>Effect Id</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Effect Id</em>' attribute.
	 * @see #setEffectId(String)
	 * @see org.mixtree.model.MixtreePackage#getInsert_EffectId()
	 * @model
	 * @generated
	 */
	String getEffectId();

	/**
	 * Sets the value of the '{@link org.mixtree.model.Insert#getEffectId <em>Effect Id</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Effect Id</em>' attribute.
	 * @see #getEffectId()
	 * @generated
	 */
	void setEffectId(String value);

	/**
	 * Returns the value of the '<em><b>Bypass</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Bypass</em>' attribute.
	 * @see #setBypass(boolean)
	 * @see org.mixtree.model.MixtreePackage#getInsert_Bypass()
	 * @model
	 * @generated
	 */
	boolean isBypass();

	/**
	 * Sets the value of the '{@link org.mixtree.model.Insert#isBypass <em>Bypass</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Bypass</em>' attribute.
	 * @see #isBypass()
	 * @generated
	 */
	void setBypass(boolean value);

	/**
	 * Returns the value of the '<em><b>Parameters</b></em>' containment reference list.
	 * The list contents are of type {@link org.mixtree.model.ParameterValue}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Parameters</em>' containment reference list.
	 * @see org.mixtree.model.MixtreePackage#getInsert_Parameters()
	 * @model containment="true"
	 * @generated
	 */
	EList<ParameterValue> getParameters();

	/**
	 * Returns the value of the '<em><b>Files</b></em>' containment reference list.
	 * The list contents are of type {@link org.mixtree.model.FileValue}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * Files the effect reads (an impulse response...), by the effect's file id; part of the session like track sources.
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>Files</em>' containment reference list.
	 * @see org.mixtree.model.MixtreePackage#getInsert_Files()
	 * @model containment="true"
	 * @generated
	 */
	EList<FileValue> getFiles();

	/**
	 * Returns the value of the '<em><b>State</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * The effect's opaque state, base64; only the effect reads it.
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>State</em>' attribute.
	 * @see #setState(String)
	 * @see org.mixtree.model.MixtreePackage#getInsert_State()
	 * @model
	 * @generated
	 */
	String getState();

	/**
	 * Sets the value of the '{@link org.mixtree.model.Insert#getState <em>State</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>State</em>' attribute.
	 * @see #getState()
	 * @generated
	 */
	void setState(String value);

	/**
	 * Returns the value of the '<em><b>Sidechain</b></em>' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * The channel whose signal keys this insert (a compressor ducking under the kick, say); none: the insert listens to its own input. It is an input of the insert's channel, so it counts in the routing cycle check as a send would.
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>Sidechain</em>' reference.
	 * @see #setSidechain(Channel)
	 * @see org.mixtree.model.MixtreePackage#getInsert_Sidechain()
	 * @model
	 * @generated
	 */
	Channel getSidechain();

	/**
	 * Sets the value of the '{@link org.mixtree.model.Insert#getSidechain <em>Sidechain</em>}' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Sidechain</em>' reference.
	 * @see #getSidechain()
	 * @generated
	 */
	void setSidechain(Channel value);

} // Insert
