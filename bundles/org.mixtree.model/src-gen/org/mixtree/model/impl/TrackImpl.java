/**
 * Mixtree. Generated from model/mixtree.genmodel: do not edit; regenerate (see README.md).
 */
package org.mixtree.model.impl;

import org.eclipse.emf.common.notify.Notification;

import org.eclipse.emf.ecore.EClass;

import org.eclipse.emf.ecore.impl.ENotificationImpl;

import org.mixtree.model.MixtreePackage;
import org.mixtree.model.Track;

/**
 * <!-- begin-user-doc -->
 * An implementation of the model object '<em><b>Track</b></em>'.
 * <!-- end-user-doc -->
 * <p>
 * The following features are implemented:
 * </p>
 * <ul>
 *   <li>{@link org.mixtree.model.impl.TrackImpl#getSource <em>Source</em>}</li>
 *   <li>{@link org.mixtree.model.impl.TrackImpl#getClipGainDb <em>Clip Gain Db</em>}</li>
 *   <li>{@link org.mixtree.model.impl.TrackImpl#getOffsetFrames <em>Offset Frames</em>}</li>
 *   <li>{@link org.mixtree.model.impl.TrackImpl#getSourceFrames <em>Source Frames</em>}</li>
 *   <li>{@link org.mixtree.model.impl.TrackImpl#getSourceRate <em>Source Rate</em>}</li>
 *   <li>{@link org.mixtree.model.impl.TrackImpl#getSourceChannels <em>Source Channels</em>}</li>
 * </ul>
 *
 * @generated
 */
public class TrackImpl extends ChannelImpl implements Track {
	/**
	 * The default value of the '{@link #getSource() <em>Source</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSource()
	 * @generated
	 * @ordered
	 */
	protected static final String SOURCE_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getSource() <em>Source</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSource()
	 * @generated
	 * @ordered
	 */
	protected String source = SOURCE_EDEFAULT;

	/**
	 * The default value of the '{@link #getClipGainDb() <em>Clip Gain Db</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getClipGainDb()
	 * @generated
	 * @ordered
	 */
	protected static final double CLIP_GAIN_DB_EDEFAULT = 0.0;

	/**
	 * The cached value of the '{@link #getClipGainDb() <em>Clip Gain Db</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getClipGainDb()
	 * @generated
	 * @ordered
	 */
	protected double clipGainDb = CLIP_GAIN_DB_EDEFAULT;

	/**
	 * The default value of the '{@link #getOffsetFrames() <em>Offset Frames</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getOffsetFrames()
	 * @generated
	 * @ordered
	 */
	protected static final long OFFSET_FRAMES_EDEFAULT = 0L;

	/**
	 * The cached value of the '{@link #getOffsetFrames() <em>Offset Frames</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getOffsetFrames()
	 * @generated
	 * @ordered
	 */
	protected long offsetFrames = OFFSET_FRAMES_EDEFAULT;

	/**
	 * The default value of the '{@link #getSourceFrames() <em>Source Frames</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSourceFrames()
	 * @generated
	 * @ordered
	 */
	protected static final long SOURCE_FRAMES_EDEFAULT = 0L;

	/**
	 * The cached value of the '{@link #getSourceFrames() <em>Source Frames</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSourceFrames()
	 * @generated
	 * @ordered
	 */
	protected long sourceFrames = SOURCE_FRAMES_EDEFAULT;

	/**
	 * The default value of the '{@link #getSourceRate() <em>Source Rate</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSourceRate()
	 * @generated
	 * @ordered
	 */
	protected static final int SOURCE_RATE_EDEFAULT = 0;

	/**
	 * The cached value of the '{@link #getSourceRate() <em>Source Rate</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSourceRate()
	 * @generated
	 * @ordered
	 */
	protected int sourceRate = SOURCE_RATE_EDEFAULT;

	/**
	 * The default value of the '{@link #getSourceChannels() <em>Source Channels</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSourceChannels()
	 * @generated
	 * @ordered
	 */
	protected static final int SOURCE_CHANNELS_EDEFAULT = 0;

	/**
	 * The cached value of the '{@link #getSourceChannels() <em>Source Channels</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSourceChannels()
	 * @generated
	 * @ordered
	 */
	protected int sourceChannels = SOURCE_CHANNELS_EDEFAULT;

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected TrackImpl() {
		super();
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	protected EClass eStaticClass() {
		return MixtreePackage.Literals.TRACK;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getSource() {
		return source;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setSource(String newSource) {
		String oldSource = source;
		source = newSource;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MixtreePackage.TRACK__SOURCE, oldSource, source));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public double getClipGainDb() {
		return clipGainDb;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setClipGainDb(double newClipGainDb) {
		double oldClipGainDb = clipGainDb;
		clipGainDb = newClipGainDb;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MixtreePackage.TRACK__CLIP_GAIN_DB, oldClipGainDb, clipGainDb));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public long getOffsetFrames() {
		return offsetFrames;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setOffsetFrames(long newOffsetFrames) {
		long oldOffsetFrames = offsetFrames;
		offsetFrames = newOffsetFrames;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MixtreePackage.TRACK__OFFSET_FRAMES, oldOffsetFrames, offsetFrames));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public long getSourceFrames() {
		return sourceFrames;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setSourceFrames(long newSourceFrames) {
		long oldSourceFrames = sourceFrames;
		sourceFrames = newSourceFrames;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MixtreePackage.TRACK__SOURCE_FRAMES, oldSourceFrames, sourceFrames));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getSourceRate() {
		return sourceRate;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setSourceRate(int newSourceRate) {
		int oldSourceRate = sourceRate;
		sourceRate = newSourceRate;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MixtreePackage.TRACK__SOURCE_RATE, oldSourceRate, sourceRate));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getSourceChannels() {
		return sourceChannels;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setSourceChannels(int newSourceChannels) {
		int oldSourceChannels = sourceChannels;
		sourceChannels = newSourceChannels;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MixtreePackage.TRACK__SOURCE_CHANNELS, oldSourceChannels, sourceChannels));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Object eGet(int featureID, boolean resolve, boolean coreType) {
		switch (featureID) {
			case MixtreePackage.TRACK__SOURCE:
				return getSource();
			case MixtreePackage.TRACK__CLIP_GAIN_DB:
				return getClipGainDb();
			case MixtreePackage.TRACK__OFFSET_FRAMES:
				return getOffsetFrames();
			case MixtreePackage.TRACK__SOURCE_FRAMES:
				return getSourceFrames();
			case MixtreePackage.TRACK__SOURCE_RATE:
				return getSourceRate();
			case MixtreePackage.TRACK__SOURCE_CHANNELS:
				return getSourceChannels();
		}
		return super.eGet(featureID, resolve, coreType);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void eSet(int featureID, Object newValue) {
		switch (featureID) {
			case MixtreePackage.TRACK__SOURCE:
				setSource((String)newValue);
				return;
			case MixtreePackage.TRACK__CLIP_GAIN_DB:
				setClipGainDb((Double)newValue);
				return;
			case MixtreePackage.TRACK__OFFSET_FRAMES:
				setOffsetFrames((Long)newValue);
				return;
			case MixtreePackage.TRACK__SOURCE_FRAMES:
				setSourceFrames((Long)newValue);
				return;
			case MixtreePackage.TRACK__SOURCE_RATE:
				setSourceRate((Integer)newValue);
				return;
			case MixtreePackage.TRACK__SOURCE_CHANNELS:
				setSourceChannels((Integer)newValue);
				return;
		}
		super.eSet(featureID, newValue);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void eUnset(int featureID) {
		switch (featureID) {
			case MixtreePackage.TRACK__SOURCE:
				setSource(SOURCE_EDEFAULT);
				return;
			case MixtreePackage.TRACK__CLIP_GAIN_DB:
				setClipGainDb(CLIP_GAIN_DB_EDEFAULT);
				return;
			case MixtreePackage.TRACK__OFFSET_FRAMES:
				setOffsetFrames(OFFSET_FRAMES_EDEFAULT);
				return;
			case MixtreePackage.TRACK__SOURCE_FRAMES:
				setSourceFrames(SOURCE_FRAMES_EDEFAULT);
				return;
			case MixtreePackage.TRACK__SOURCE_RATE:
				setSourceRate(SOURCE_RATE_EDEFAULT);
				return;
			case MixtreePackage.TRACK__SOURCE_CHANNELS:
				setSourceChannels(SOURCE_CHANNELS_EDEFAULT);
				return;
		}
		super.eUnset(featureID);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public boolean eIsSet(int featureID) {
		switch (featureID) {
			case MixtreePackage.TRACK__SOURCE:
				return SOURCE_EDEFAULT == null ? source != null : !SOURCE_EDEFAULT.equals(source);
			case MixtreePackage.TRACK__CLIP_GAIN_DB:
				return clipGainDb != CLIP_GAIN_DB_EDEFAULT;
			case MixtreePackage.TRACK__OFFSET_FRAMES:
				return offsetFrames != OFFSET_FRAMES_EDEFAULT;
			case MixtreePackage.TRACK__SOURCE_FRAMES:
				return sourceFrames != SOURCE_FRAMES_EDEFAULT;
			case MixtreePackage.TRACK__SOURCE_RATE:
				return sourceRate != SOURCE_RATE_EDEFAULT;
			case MixtreePackage.TRACK__SOURCE_CHANNELS:
				return sourceChannels != SOURCE_CHANNELS_EDEFAULT;
		}
		return super.eIsSet(featureID);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String toString() {
		if (eIsProxy()) return super.toString();

		StringBuilder result = new StringBuilder(super.toString());
		result.append(" (source: ");
		result.append(source);
		result.append(", clipGainDb: ");
		result.append(clipGainDb);
		result.append(", offsetFrames: ");
		result.append(offsetFrames);
		result.append(", sourceFrames: ");
		result.append(sourceFrames);
		result.append(", sourceRate: ");
		result.append(sourceRate);
		result.append(", sourceChannels: ");
		result.append(sourceChannels);
		result.append(')');
		return result.toString();
	}

} //TrackImpl
