/**
 * Mixtree. Generated from model/mixtree.genmodel: do not edit; regenerate (see README.md).
 */
package org.mixtree.model;


/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Track</b></em>'.
 * <!-- end-user-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link org.mixtree.model.Track#getSource <em>Source</em>}</li>
 *   <li>{@link org.mixtree.model.Track#getClipGainDb <em>Clip Gain Db</em>}</li>
 *   <li>{@link org.mixtree.model.Track#getOffsetFrames <em>Offset Frames</em>}</li>
 *   <li>{@link org.mixtree.model.Track#getSourceFrames <em>Source Frames</em>}</li>
 *   <li>{@link org.mixtree.model.Track#getSourceRate <em>Source Rate</em>}</li>
 *   <li>{@link org.mixtree.model.Track#getSourceChannels <em>Source Channels</em>}</li>
 * </ul>
 *
 * @see org.mixtree.model.MixtreePackage#getTrack()
 * @model
 * @generated
 */
public interface Track extends Channel {
	/**
	 * Returns the value of the '<em><b>Source</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * Audio file path relative to the session file's folder, so a session folder can be moved or shared.
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>Source</em>' attribute.
	 * @see #setSource(String)
	 * @see org.mixtree.model.MixtreePackage#getTrack_Source()
	 * @model
	 * @generated
	 */
	String getSource();

	/**
	 * Sets the value of the '{@link org.mixtree.model.Track#getSource <em>Source</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Source</em>' attribute.
	 * @see #getSource()
	 * @generated
	 */
	void setSource(String value);

	/**
	 * Returns the value of the '<em><b>Clip Gain Db</b></em>' attribute.
	 * The default value is <code>"0.0"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Clip Gain Db</em>' attribute.
	 * @see #setClipGainDb(double)
	 * @see org.mixtree.model.MixtreePackage#getTrack_ClipGainDb()
	 * @model default="0.0"
	 * @generated
	 */
	double getClipGainDb();

	/**
	 * Sets the value of the '{@link org.mixtree.model.Track#getClipGainDb <em>Clip Gain Db</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Clip Gain Db</em>' attribute.
	 * @see #getClipGainDb()
	 * @generated
	 */
	void setClipGainDb(double value);

	/**
	 * Returns the value of the '<em><b>Offset Frames</b></em>' attribute.
	 * The default value is <code>"0"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Offset Frames</em>' attribute.
	 * @see #setOffsetFrames(long)
	 * @see org.mixtree.model.MixtreePackage#getTrack_OffsetFrames()
	 * @model default="0"
	 * @generated
	 */
	long getOffsetFrames();

	/**
	 * Sets the value of the '{@link org.mixtree.model.Track#getOffsetFrames <em>Offset Frames</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Offset Frames</em>' attribute.
	 * @see #getOffsetFrames()
	 * @generated
	 */
	void setOffsetFrames(long value);

	/**
	 * Returns the value of the '<em><b>Source Frames</b></em>' attribute.
	 * The default value is <code>"0"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * The source's length in frames (at its own rate) when it was added or relinked; with sourceRate and sourceChannels the fingerprint that tells a changed stem. 0: not recorded (sessions from before fingerprints).
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>Source Frames</em>' attribute.
	 * @see #setSourceFrames(long)
	 * @see org.mixtree.model.MixtreePackage#getTrack_SourceFrames()
	 * @model default="0"
	 * @generated
	 */
	long getSourceFrames();

	/**
	 * Sets the value of the '{@link org.mixtree.model.Track#getSourceFrames <em>Source Frames</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Source Frames</em>' attribute.
	 * @see #getSourceFrames()
	 * @generated
	 */
	void setSourceFrames(long value);

	/**
	 * Returns the value of the '<em><b>Source Rate</b></em>' attribute.
	 * The default value is <code>"0"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * The source's sample rate in Hz when it was added or relinked; 0: not recorded.
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>Source Rate</em>' attribute.
	 * @see #setSourceRate(int)
	 * @see org.mixtree.model.MixtreePackage#getTrack_SourceRate()
	 * @model default="0"
	 * @generated
	 */
	int getSourceRate();

	/**
	 * Sets the value of the '{@link org.mixtree.model.Track#getSourceRate <em>Source Rate</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Source Rate</em>' attribute.
	 * @see #getSourceRate()
	 * @generated
	 */
	void setSourceRate(int value);

	/**
	 * Returns the value of the '<em><b>Source Channels</b></em>' attribute.
	 * The default value is <code>"0"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * The source's channel count when it was added or relinked; 0: not recorded.
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>Source Channels</em>' attribute.
	 * @see #setSourceChannels(int)
	 * @see org.mixtree.model.MixtreePackage#getTrack_SourceChannels()
	 * @model default="0"
	 * @generated
	 */
	int getSourceChannels();

	/**
	 * Sets the value of the '{@link org.mixtree.model.Track#getSourceChannels <em>Source Channels</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Source Channels</em>' attribute.
	 * @see #getSourceChannels()
	 * @generated
	 */
	void setSourceChannels(int value);

} // Track
