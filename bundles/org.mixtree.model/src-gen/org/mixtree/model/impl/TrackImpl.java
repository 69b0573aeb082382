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
	public Object eGet(int featureID, boolean resolve, boolean coreType) {
		switch (featureID) {
			case MixtreePackage.TRACK__SOURCE:
				return getSource();
			case MixtreePackage.TRACK__CLIP_GAIN_DB:
				return getClipGainDb();
			case MixtreePackage.TRACK__OFFSET_FRAMES:
				return getOffsetFrames();
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
		result.append(')');
		return result.toString();
	}

} //TrackImpl
