/**
 * Mixtree. Generated from model/mixtree.genmodel: do not edit; regenerate (see README.md).
 */
package org.mixtree.model;

import org.eclipse.emf.ecore.EObject;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Send</b></em>'.
 * <!-- end-user-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link org.mixtree.model.Send#getTarget <em>Target</em>}</li>
 *   <li>{@link org.mixtree.model.Send#getLevelDb <em>Level Db</em>}</li>
 *   <li>{@link org.mixtree.model.Send#isPreFader <em>Pre Fader</em>}</li>
 * </ul>
 *
 * @see org.mixtree.model.MixtreePackage#getSend()
 * @model
 * @generated
 */
public interface Send extends EObject {
	/**
	 * Returns the value of the '<em><b>Target</b></em>' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Target</em>' reference.
	 * @see #setTarget(Bus)
	 * @see org.mixtree.model.MixtreePackage#getSend_Target()
	 * @model
	 * @generated
	 */
	Bus getTarget();

	/**
	 * Sets the value of the '{@link org.mixtree.model.Send#getTarget <em>Target</em>}' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Target</em>' reference.
	 * @see #getTarget()
	 * @generated
	 */
	void setTarget(Bus value);

	/**
	 * Returns the value of the '<em><b>Level Db</b></em>' attribute.
	 * The default value is <code>"0.0"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Level Db</em>' attribute.
	 * @see #setLevelDb(double)
	 * @see org.mixtree.model.MixtreePackage#getSend_LevelDb()
	 * @model default="0.0"
	 * @generated
	 */
	double getLevelDb();

	/**
	 * Sets the value of the '{@link org.mixtree.model.Send#getLevelDb <em>Level Db</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Level Db</em>' attribute.
	 * @see #getLevelDb()
	 * @generated
	 */
	void setLevelDb(double value);

	/**
	 * Returns the value of the '<em><b>Pre Fader</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Pre Fader</em>' attribute.
	 * @see #setPreFader(boolean)
	 * @see org.mixtree.model.MixtreePackage#getSend_PreFader()
	 * @model
	 * @generated
	 */
	boolean isPreFader();

	/**
	 * Sets the value of the '{@link org.mixtree.model.Send#isPreFader <em>Pre Fader</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Pre Fader</em>' attribute.
	 * @see #isPreFader()
	 * @generated
	 */
	void setPreFader(boolean value);

} // Send
