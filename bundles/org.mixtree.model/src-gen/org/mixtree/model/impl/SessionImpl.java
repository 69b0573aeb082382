/**
 * Mixtree. Generated from model/mixtree.genmodel: do not edit; regenerate (see README.md).
 */
package org.mixtree.model.impl;

import java.util.Collection;

import org.eclipse.emf.common.notify.Notification;
import org.eclipse.emf.common.notify.NotificationChain;

import org.eclipse.emf.common.util.EList;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.InternalEObject;

import org.eclipse.emf.ecore.impl.ENotificationImpl;
import org.eclipse.emf.ecore.impl.MinimalEObjectImpl;

import org.eclipse.emf.ecore.util.EObjectContainmentEList;
import org.eclipse.emf.ecore.util.EObjectResolvingEList;
import org.eclipse.emf.ecore.util.InternalEList;

import org.mixtree.model.Bus;
import org.mixtree.model.MixStage;
import org.mixtree.model.MixtreePackage;
import org.mixtree.model.PanLaw;
import org.mixtree.model.Session;
import org.mixtree.model.Snapshot;
import org.mixtree.model.Track;

/**
 * <!-- begin-user-doc -->
 * An implementation of the model object '<em><b>Session</b></em>'.
 * <!-- end-user-doc -->
 * <p>
 * The following features are implemented:
 * </p>
 * <ul>
 *   <li>{@link org.mixtree.model.impl.SessionImpl#getName <em>Name</em>}</li>
 *   <li>{@link org.mixtree.model.impl.SessionImpl#getSampleRate <em>Sample Rate</em>}</li>
 *   <li>{@link org.mixtree.model.impl.SessionImpl#getPanLaw <em>Pan Law</em>}</li>
 *   <li>{@link org.mixtree.model.impl.SessionImpl#getMixStage <em>Mix Stage</em>}</li>
 *   <li>{@link org.mixtree.model.impl.SessionImpl#getHeadroomDb <em>Headroom Db</em>}</li>
 *   <li>{@link org.mixtree.model.impl.SessionImpl#getTracks <em>Tracks</em>}</li>
 *   <li>{@link org.mixtree.model.impl.SessionImpl#getBuses <em>Buses</em>}</li>
 *   <li>{@link org.mixtree.model.impl.SessionImpl#getMaster <em>Master</em>}</li>
 *   <li>{@link org.mixtree.model.impl.SessionImpl#getSnapshots <em>Snapshots</em>}</li>
 *   <li>{@link org.mixtree.model.impl.SessionImpl#getFocus <em>Focus</em>}</li>
 * </ul>
 *
 * @generated
 */
public class SessionImpl extends MinimalEObjectImpl.Container implements Session {
	/**
	 * The default value of the '{@link #getName() <em>Name</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getName()
	 * @generated
	 * @ordered
	 */
	protected static final String NAME_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getName() <em>Name</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getName()
	 * @generated
	 * @ordered
	 */
	protected String name = NAME_EDEFAULT;

	/**
	 * The default value of the '{@link #getSampleRate() <em>Sample Rate</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSampleRate()
	 * @generated
	 * @ordered
	 */
	protected static final int SAMPLE_RATE_EDEFAULT = 48000;

	/**
	 * The cached value of the '{@link #getSampleRate() <em>Sample Rate</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSampleRate()
	 * @generated
	 * @ordered
	 */
	protected int sampleRate = SAMPLE_RATE_EDEFAULT;

	/**
	 * The default value of the '{@link #getPanLaw() <em>Pan Law</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getPanLaw()
	 * @generated
	 * @ordered
	 */
	protected static final PanLaw PAN_LAW_EDEFAULT = PanLaw.MINUS_3;

	/**
	 * The cached value of the '{@link #getPanLaw() <em>Pan Law</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getPanLaw()
	 * @generated
	 * @ordered
	 */
	protected PanLaw panLaw = PAN_LAW_EDEFAULT;

	/**
	 * The default value of the '{@link #getMixStage() <em>Mix Stage</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getMixStage()
	 * @generated
	 * @ordered
	 */
	protected static final MixStage MIX_STAGE_EDEFAULT = MixStage.TRACKS;

	/**
	 * The cached value of the '{@link #getMixStage() <em>Mix Stage</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getMixStage()
	 * @generated
	 * @ordered
	 */
	protected MixStage mixStage = MIX_STAGE_EDEFAULT;

	/**
	 * The default value of the '{@link #getHeadroomDb() <em>Headroom Db</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getHeadroomDb()
	 * @generated
	 * @ordered
	 */
	protected static final double HEADROOM_DB_EDEFAULT = -6.0;

	/**
	 * The cached value of the '{@link #getHeadroomDb() <em>Headroom Db</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getHeadroomDb()
	 * @generated
	 * @ordered
	 */
	protected double headroomDb = HEADROOM_DB_EDEFAULT;

	/**
	 * The cached value of the '{@link #getTracks() <em>Tracks</em>}' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getTracks()
	 * @generated
	 * @ordered
	 */
	protected EList<Track> tracks;

	/**
	 * The cached value of the '{@link #getBuses() <em>Buses</em>}' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getBuses()
	 * @generated
	 * @ordered
	 */
	protected EList<Bus> buses;

	/**
	 * The cached value of the '{@link #getMaster() <em>Master</em>}' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getMaster()
	 * @generated
	 * @ordered
	 */
	protected Bus master;

	/**
	 * The cached value of the '{@link #getSnapshots() <em>Snapshots</em>}' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSnapshots()
	 * @generated
	 * @ordered
	 */
	protected EList<Snapshot> snapshots;

	/**
	 * The cached value of the '{@link #getFocus() <em>Focus</em>}' reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getFocus()
	 * @generated
	 * @ordered
	 */
	protected EList<Bus> focus;

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected SessionImpl() {
		super();
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	protected EClass eStaticClass() {
		return MixtreePackage.Literals.SESSION;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getName() {
		return name;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setName(String newName) {
		String oldName = name;
		name = newName;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MixtreePackage.SESSION__NAME, oldName, name));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getSampleRate() {
		return sampleRate;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setSampleRate(int newSampleRate) {
		int oldSampleRate = sampleRate;
		sampleRate = newSampleRate;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MixtreePackage.SESSION__SAMPLE_RATE, oldSampleRate, sampleRate));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public PanLaw getPanLaw() {
		return panLaw;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setPanLaw(PanLaw newPanLaw) {
		PanLaw oldPanLaw = panLaw;
		panLaw = newPanLaw == null ? PAN_LAW_EDEFAULT : newPanLaw;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MixtreePackage.SESSION__PAN_LAW, oldPanLaw, panLaw));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public MixStage getMixStage() {
		return mixStage;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setMixStage(MixStage newMixStage) {
		MixStage oldMixStage = mixStage;
		mixStage = newMixStage == null ? MIX_STAGE_EDEFAULT : newMixStage;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MixtreePackage.SESSION__MIX_STAGE, oldMixStage, mixStage));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public double getHeadroomDb() {
		return headroomDb;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setHeadroomDb(double newHeadroomDb) {
		double oldHeadroomDb = headroomDb;
		headroomDb = newHeadroomDb;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MixtreePackage.SESSION__HEADROOM_DB, oldHeadroomDb, headroomDb));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<Track> getTracks() {
		if (tracks == null) {
			tracks = new EObjectContainmentEList<Track>(Track.class, this, MixtreePackage.SESSION__TRACKS);
		}
		return tracks;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<Bus> getBuses() {
		if (buses == null) {
			buses = new EObjectContainmentEList<Bus>(Bus.class, this, MixtreePackage.SESSION__BUSES);
		}
		return buses;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Bus getMaster() {
		return master;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public NotificationChain basicSetMaster(Bus newMaster, NotificationChain msgs) {
		Bus oldMaster = master;
		master = newMaster;
		if (eNotificationRequired()) {
			ENotificationImpl notification = new ENotificationImpl(this, Notification.SET, MixtreePackage.SESSION__MASTER, oldMaster, newMaster);
			if (msgs == null) msgs = notification; else msgs.add(notification);
		}
		return msgs;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setMaster(Bus newMaster) {
		if (newMaster != master) {
			NotificationChain msgs = null;
			if (master != null)
				msgs = ((InternalEObject)master).eInverseRemove(this, EOPPOSITE_FEATURE_BASE - MixtreePackage.SESSION__MASTER, null, msgs);
			if (newMaster != null)
				msgs = ((InternalEObject)newMaster).eInverseAdd(this, EOPPOSITE_FEATURE_BASE - MixtreePackage.SESSION__MASTER, null, msgs);
			msgs = basicSetMaster(newMaster, msgs);
			if (msgs != null) msgs.dispatch();
		}
		else if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MixtreePackage.SESSION__MASTER, newMaster, newMaster));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<Snapshot> getSnapshots() {
		if (snapshots == null) {
			snapshots = new EObjectContainmentEList<Snapshot>(Snapshot.class, this, MixtreePackage.SESSION__SNAPSHOTS);
		}
		return snapshots;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<Bus> getFocus() {
		if (focus == null) {
			focus = new EObjectResolvingEList<Bus>(Bus.class, this, MixtreePackage.SESSION__FOCUS);
		}
		return focus;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public NotificationChain eInverseRemove(InternalEObject otherEnd, int featureID, NotificationChain msgs) {
		switch (featureID) {
			case MixtreePackage.SESSION__TRACKS:
				return ((InternalEList<?>)getTracks()).basicRemove(otherEnd, msgs);
			case MixtreePackage.SESSION__BUSES:
				return ((InternalEList<?>)getBuses()).basicRemove(otherEnd, msgs);
			case MixtreePackage.SESSION__MASTER:
				return basicSetMaster(null, msgs);
			case MixtreePackage.SESSION__SNAPSHOTS:
				return ((InternalEList<?>)getSnapshots()).basicRemove(otherEnd, msgs);
		}
		return super.eInverseRemove(otherEnd, featureID, msgs);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Object eGet(int featureID, boolean resolve, boolean coreType) {
		switch (featureID) {
			case MixtreePackage.SESSION__NAME:
				return getName();
			case MixtreePackage.SESSION__SAMPLE_RATE:
				return getSampleRate();
			case MixtreePackage.SESSION__PAN_LAW:
				return getPanLaw();
			case MixtreePackage.SESSION__MIX_STAGE:
				return getMixStage();
			case MixtreePackage.SESSION__HEADROOM_DB:
				return getHeadroomDb();
			case MixtreePackage.SESSION__TRACKS:
				return getTracks();
			case MixtreePackage.SESSION__BUSES:
				return getBuses();
			case MixtreePackage.SESSION__MASTER:
				return getMaster();
			case MixtreePackage.SESSION__SNAPSHOTS:
				return getSnapshots();
			case MixtreePackage.SESSION__FOCUS:
				return getFocus();
		}
		return super.eGet(featureID, resolve, coreType);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@SuppressWarnings("unchecked")
	@Override
	public void eSet(int featureID, Object newValue) {
		switch (featureID) {
			case MixtreePackage.SESSION__NAME:
				setName((String)newValue);
				return;
			case MixtreePackage.SESSION__SAMPLE_RATE:
				setSampleRate((Integer)newValue);
				return;
			case MixtreePackage.SESSION__PAN_LAW:
				setPanLaw((PanLaw)newValue);
				return;
			case MixtreePackage.SESSION__MIX_STAGE:
				setMixStage((MixStage)newValue);
				return;
			case MixtreePackage.SESSION__HEADROOM_DB:
				setHeadroomDb((Double)newValue);
				return;
			case MixtreePackage.SESSION__TRACKS:
				getTracks().clear();
				getTracks().addAll((Collection<? extends Track>)newValue);
				return;
			case MixtreePackage.SESSION__BUSES:
				getBuses().clear();
				getBuses().addAll((Collection<? extends Bus>)newValue);
				return;
			case MixtreePackage.SESSION__MASTER:
				setMaster((Bus)newValue);
				return;
			case MixtreePackage.SESSION__SNAPSHOTS:
				getSnapshots().clear();
				getSnapshots().addAll((Collection<? extends Snapshot>)newValue);
				return;
			case MixtreePackage.SESSION__FOCUS:
				getFocus().clear();
				getFocus().addAll((Collection<? extends Bus>)newValue);
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
			case MixtreePackage.SESSION__NAME:
				setName(NAME_EDEFAULT);
				return;
			case MixtreePackage.SESSION__SAMPLE_RATE:
				setSampleRate(SAMPLE_RATE_EDEFAULT);
				return;
			case MixtreePackage.SESSION__PAN_LAW:
				setPanLaw(PAN_LAW_EDEFAULT);
				return;
			case MixtreePackage.SESSION__MIX_STAGE:
				setMixStage(MIX_STAGE_EDEFAULT);
				return;
			case MixtreePackage.SESSION__HEADROOM_DB:
				setHeadroomDb(HEADROOM_DB_EDEFAULT);
				return;
			case MixtreePackage.SESSION__TRACKS:
				getTracks().clear();
				return;
			case MixtreePackage.SESSION__BUSES:
				getBuses().clear();
				return;
			case MixtreePackage.SESSION__MASTER:
				setMaster((Bus)null);
				return;
			case MixtreePackage.SESSION__SNAPSHOTS:
				getSnapshots().clear();
				return;
			case MixtreePackage.SESSION__FOCUS:
				getFocus().clear();
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
			case MixtreePackage.SESSION__NAME:
				return NAME_EDEFAULT == null ? name != null : !NAME_EDEFAULT.equals(name);
			case MixtreePackage.SESSION__SAMPLE_RATE:
				return sampleRate != SAMPLE_RATE_EDEFAULT;
			case MixtreePackage.SESSION__PAN_LAW:
				return panLaw != PAN_LAW_EDEFAULT;
			case MixtreePackage.SESSION__MIX_STAGE:
				return mixStage != MIX_STAGE_EDEFAULT;
			case MixtreePackage.SESSION__HEADROOM_DB:
				return headroomDb != HEADROOM_DB_EDEFAULT;
			case MixtreePackage.SESSION__TRACKS:
				return tracks != null && !tracks.isEmpty();
			case MixtreePackage.SESSION__BUSES:
				return buses != null && !buses.isEmpty();
			case MixtreePackage.SESSION__MASTER:
				return master != null;
			case MixtreePackage.SESSION__SNAPSHOTS:
				return snapshots != null && !snapshots.isEmpty();
			case MixtreePackage.SESSION__FOCUS:
				return focus != null && !focus.isEmpty();
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
		result.append(" (name: ");
		result.append(name);
		result.append(", sampleRate: ");
		result.append(sampleRate);
		result.append(", panLaw: ");
		result.append(panLaw);
		result.append(", mixStage: ");
		result.append(mixStage);
		result.append(", headroomDb: ");
		result.append(headroomDb);
		result.append(')');
		return result.toString();
	}

} //SessionImpl
