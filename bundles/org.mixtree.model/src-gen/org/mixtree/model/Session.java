/**
 * Mixtree. Generated from model/mixtree.genmodel: do not edit; regenerate (see README.md).
 */
package org.mixtree.model;

import org.eclipse.emf.common.util.EList;

import org.eclipse.emf.ecore.EObject;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Session</b></em>'.
 * <!-- end-user-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link org.mixtree.model.Session#getName <em>Name</em>}</li>
 *   <li>{@link org.mixtree.model.Session#getSampleRate <em>Sample Rate</em>}</li>
 *   <li>{@link org.mixtree.model.Session#getPanLaw <em>Pan Law</em>}</li>
 *   <li>{@link org.mixtree.model.Session#getMixStage <em>Mix Stage</em>}</li>
 *   <li>{@link org.mixtree.model.Session#getHeadroomDb <em>Headroom Db</em>}</li>
 *   <li>{@link org.mixtree.model.Session#getTracks <em>Tracks</em>}</li>
 *   <li>{@link org.mixtree.model.Session#getBuses <em>Buses</em>}</li>
 *   <li>{@link org.mixtree.model.Session#getMaster <em>Master</em>}</li>
 *   <li>{@link org.mixtree.model.Session#getSnapshots <em>Snapshots</em>}</li>
 *   <li>{@link org.mixtree.model.Session#getFocus <em>Focus</em>}</li>
 * </ul>
 *
 * @see org.mixtree.model.MixtreePackage#getSession()
 * @model
 * @generated
 */
public interface Session extends EObject {
	/**
	 * Returns the value of the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Name</em>' attribute.
	 * @see #setName(String)
	 * @see org.mixtree.model.MixtreePackage#getSession_Name()
	 * @model
	 * @generated
	 */
	String getName();

	/**
	 * Sets the value of the '{@link org.mixtree.model.Session#getName <em>Name</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Name</em>' attribute.
	 * @see #getName()
	 * @generated
	 */
	void setName(String value);

	/**
	 * Returns the value of the '<em><b>Sample Rate</b></em>' attribute.
	 * The default value is <code>"48000"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * Sample rate in Hz at which the session is mixed and rendered; must be positive.
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>Sample Rate</em>' attribute.
	 * @see #setSampleRate(int)
	 * @see org.mixtree.model.MixtreePackage#getSession_SampleRate()
	 * @model default="48000"
	 * @generated
	 */
	int getSampleRate();

	/**
	 * Sets the value of the '{@link org.mixtree.model.Session#getSampleRate <em>Sample Rate</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Sample Rate</em>' attribute.
	 * @see #getSampleRate()
	 * @generated
	 */
	void setSampleRate(int value);

	/**
	 * Returns the value of the '<em><b>Pan Law</b></em>' attribute.
	 * The default value is <code>"MINUS_3"</code>.
	 * The literals are from the enumeration {@link org.mixtree.model.PanLaw}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Pan Law</em>' attribute.
	 * @see org.mixtree.model.PanLaw
	 * @see #setPanLaw(PanLaw)
	 * @see org.mixtree.model.MixtreePackage#getSession_PanLaw()
	 * @model default="MINUS_3"
	 * @generated
	 */
	PanLaw getPanLaw();

	/**
	 * Sets the value of the '{@link org.mixtree.model.Session#getPanLaw <em>Pan Law</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Pan Law</em>' attribute.
	 * @see org.mixtree.model.PanLaw
	 * @see #getPanLaw()
	 * @generated
	 */
	void setPanLaw(PanLaw value);

	/**
	 * Returns the value of the '<em><b>Mix Stage</b></em>' attribute.
	 * The default value is <code>"TRACKS"</code>.
	 * The literals are from the enumeration {@link org.mixtree.model.MixStage}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * Which inserts play: a new session starts in STATIC (its creator sets it); the default is TRACKS because a session file written before stages existed has no such attribute and must keep its sound.
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>Mix Stage</em>' attribute.
	 * @see org.mixtree.model.MixStage
	 * @see #setMixStage(MixStage)
	 * @see org.mixtree.model.MixtreePackage#getSession_MixStage()
	 * @model default="TRACKS"
	 * @generated
	 */
	MixStage getMixStage();

	/**
	 * Sets the value of the '{@link org.mixtree.model.Session#getMixStage <em>Mix Stage</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Mix Stage</em>' attribute.
	 * @see org.mixtree.model.MixStage
	 * @see #getMixStage()
	 * @generated
	 */
	void setMixStage(MixStage value);

	/**
	 * Returns the value of the '<em><b>Headroom Db</b></em>' attribute.
	 * The default value is <code>"-6.0"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * The master's headroom target in dBFS: in the STATIC stage render and play warn when the master peaks above it.
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>Headroom Db</em>' attribute.
	 * @see #setHeadroomDb(double)
	 * @see org.mixtree.model.MixtreePackage#getSession_HeadroomDb()
	 * @model default="-6.0"
	 * @generated
	 */
	double getHeadroomDb();

	/**
	 * Sets the value of the '{@link org.mixtree.model.Session#getHeadroomDb <em>Headroom Db</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Headroom Db</em>' attribute.
	 * @see #getHeadroomDb()
	 * @generated
	 */
	void setHeadroomDb(double value);

	/**
	 * Returns the value of the '<em><b>Tracks</b></em>' containment reference list.
	 * The list contents are of type {@link org.mixtree.model.Track}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Tracks</em>' containment reference list.
	 * @see org.mixtree.model.MixtreePackage#getSession_Tracks()
	 * @model containment="true"
	 * @generated
	 */
	EList<Track> getTracks();

	/**
	 * Returns the value of the '<em><b>Buses</b></em>' containment reference list.
	 * The list contents are of type {@link org.mixtree.model.Bus}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * Every bus except the master, in the conventional left-to-right order.
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>Buses</em>' containment reference list.
	 * @see org.mixtree.model.MixtreePackage#getSession_Buses()
	 * @model containment="true"
	 * @generated
	 */
	EList<Bus> getBuses();

	/**
	 * Returns the value of the '<em><b>Master</b></em>' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Master</em>' containment reference.
	 * @see #setMaster(Bus)
	 * @see org.mixtree.model.MixtreePackage#getSession_Master()
	 * @model containment="true"
	 * @generated
	 */
	Bus getMaster();

	/**
	 * Sets the value of the '{@link org.mixtree.model.Session#getMaster <em>Master</em>}' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Master</em>' containment reference.
	 * @see #getMaster()
	 * @generated
	 */
	void setMaster(Bus value);

	/**
	 * Returns the value of the '<em><b>Snapshots</b></em>' containment reference list.
	 * The list contents are of type {@link org.mixtree.model.Snapshot}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Snapshots</em>' containment reference list.
	 * @see org.mixtree.model.MixtreePackage#getSession_Snapshots()
	 * @model containment="true"
	 * @generated
	 */
	EList<Snapshot> getSnapshots();

	/**
	 * Returns the value of the '<em><b>Focus</b></em>' reference list.
	 * The list contents are of type {@link org.mixtree.model.Bus}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * The build-up focus: the top-level buses heard, in console order; the others are silent, as if not soloed. Empty: no focus. Its own state, never the channels' mute flags.
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>Focus</em>' reference list.
	 * @see org.mixtree.model.MixtreePackage#getSession_Focus()
	 * @model
	 * @generated
	 */
	EList<Bus> getFocus();

} // Session
