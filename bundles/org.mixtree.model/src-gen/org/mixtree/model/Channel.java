/**
 * Mixtree. Generated from model/mixtree.genmodel: do not edit; regenerate (see README.md).
 */
package org.mixtree.model;

import org.eclipse.emf.common.util.EList;

import org.eclipse.emf.ecore.EObject;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Channel</b></em>'.
 * <!-- end-user-doc -->
 *
 * <!-- begin-model-doc -->
 * Anything that carries audio to a bus: a track or a bus.
 * <!-- end-model-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link org.mixtree.model.Channel#getName <em>Name</em>}</li>
 *   <li>{@link org.mixtree.model.Channel#getAddress <em>Address</em>}</li>
 *   <li>{@link org.mixtree.model.Channel#getGainDb <em>Gain Db</em>}</li>
 *   <li>{@link org.mixtree.model.Channel#getPan <em>Pan</em>}</li>
 *   <li>{@link org.mixtree.model.Channel#isMute <em>Mute</em>}</li>
 *   <li>{@link org.mixtree.model.Channel#isSolo <em>Solo</em>}</li>
 *   <li>{@link org.mixtree.model.Channel#isPolarityInverted <em>Polarity Inverted</em>}</li>
 *   <li>{@link org.mixtree.model.Channel#getOutput <em>Output</em>}</li>
 *   <li>{@link org.mixtree.model.Channel#getInserts <em>Inserts</em>}</li>
 *   <li>{@link org.mixtree.model.Channel#getSends <em>Sends</em>}</li>
 * </ul>
 *
 * @see org.mixtree.model.MixtreePackage#getChannel()
 * @model abstract="true"
 * @generated
 */
public interface Channel extends EObject {
	/**
	 * Returns the value of the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Name</em>' attribute.
	 * @see #setName(String)
	 * @see org.mixtree.model.MixtreePackage#getChannel_Name()
	 * @model
	 * @generated
	 */
	String getName();

	/**
	 * Sets the value of the '{@link org.mixtree.model.Channel#getName <em>Name</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Name</em>' attribute.
	 * @see #getName()
	 * @generated
	 */
	void setName(String value);

	/**
	 * Returns the value of the '<em><b>Address</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * The channel's address as the command line writes it (track:NAME, bus:NAME, master). It is the XMI ID, so references in a session file read output="bus/Drums" and survive reordering.
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>Address</em>' attribute.
	 * @see org.mixtree.model.MixtreePackage#getChannel_Address()
	 * @model id="true" transient="true" changeable="false" volatile="true" derived="true"
	 * @generated
	 */
	String getAddress();

	/**
	 * Returns the value of the '<em><b>Gain Db</b></em>' attribute.
	 * The default value is <code>"0.0"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Gain Db</em>' attribute.
	 * @see #setGainDb(double)
	 * @see org.mixtree.model.MixtreePackage#getChannel_GainDb()
	 * @model default="0.0"
	 * @generated
	 */
	double getGainDb();

	/**
	 * Sets the value of the '{@link org.mixtree.model.Channel#getGainDb <em>Gain Db</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Gain Db</em>' attribute.
	 * @see #getGainDb()
	 * @generated
	 */
	void setGainDb(double value);

	/**
	 * Returns the value of the '<em><b>Pan</b></em>' attribute.
	 * The default value is <code>"0.0"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * -1 is hard left, 0 centre, 1 hard right.
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>Pan</em>' attribute.
	 * @see #setPan(double)
	 * @see org.mixtree.model.MixtreePackage#getChannel_Pan()
	 * @model default="0.0"
	 * @generated
	 */
	double getPan();

	/**
	 * Sets the value of the '{@link org.mixtree.model.Channel#getPan <em>Pan</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Pan</em>' attribute.
	 * @see #getPan()
	 * @generated
	 */
	void setPan(double value);

	/**
	 * Returns the value of the '<em><b>Mute</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Mute</em>' attribute.
	 * @see #setMute(boolean)
	 * @see org.mixtree.model.MixtreePackage#getChannel_Mute()
	 * @model
	 * @generated
	 */
	boolean isMute();

	/**
	 * Sets the value of the '{@link org.mixtree.model.Channel#isMute <em>Mute</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Mute</em>' attribute.
	 * @see #isMute()
	 * @generated
	 */
	void setMute(boolean value);

	/**
	 * Returns the value of the '<em><b>Solo</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Solo</em>' attribute.
	 * @see #setSolo(boolean)
	 * @see org.mixtree.model.MixtreePackage#getChannel_Solo()
	 * @model
	 * @generated
	 */
	boolean isSolo();

	/**
	 * Sets the value of the '{@link org.mixtree.model.Channel#isSolo <em>Solo</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Solo</em>' attribute.
	 * @see #isSolo()
	 * @generated
	 */
	void setSolo(boolean value);

	/**
	 * Returns the value of the '<em><b>Polarity Inverted</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Polarity Inverted</em>' attribute.
	 * @see #setPolarityInverted(boolean)
	 * @see org.mixtree.model.MixtreePackage#getChannel_PolarityInverted()
	 * @model
	 * @generated
	 */
	boolean isPolarityInverted();

	/**
	 * Sets the value of the '{@link org.mixtree.model.Channel#isPolarityInverted <em>Polarity Inverted</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Polarity Inverted</em>' attribute.
	 * @see #isPolarityInverted()
	 * @generated
	 */
	void setPolarityInverted(boolean value);

	/**
	 * Returns the value of the '<em><b>Output</b></em>' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * The bus this channel feeds; null means the master (and is the only legal value for the master itself).
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>Output</em>' reference.
	 * @see #setOutput(Bus)
	 * @see org.mixtree.model.MixtreePackage#getChannel_Output()
	 * @model
	 * @generated
	 */
	Bus getOutput();

	/**
	 * Sets the value of the '{@link org.mixtree.model.Channel#getOutput <em>Output</em>}' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Output</em>' reference.
	 * @see #getOutput()
	 * @generated
	 */
	void setOutput(Bus value);

	/**
	 * Returns the value of the '<em><b>Inserts</b></em>' containment reference list.
	 * The list contents are of type {@link org.mixtree.model.Insert}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Inserts</em>' containment reference list.
	 * @see org.mixtree.model.MixtreePackage#getChannel_Inserts()
	 * @model containment="true"
	 * @generated
	 */
	EList<Insert> getInserts();

	/**
	 * Returns the value of the '<em><b>Sends</b></em>' containment reference list.
	 * The list contents are of type {@link org.mixtree.model.Send}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Sends</em>' containment reference list.
	 * @see org.mixtree.model.MixtreePackage#getChannel_Sends()
	 * @model containment="true"
	 * @generated
	 */
	EList<Send> getSends();

} // Channel
