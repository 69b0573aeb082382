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
import org.eclipse.emf.ecore.util.InternalEList;

import org.mixtree.model.Bus;
import org.mixtree.model.Channel;
import org.mixtree.model.Insert;
import org.mixtree.model.MixtreePackage;
import org.mixtree.model.Send;

/**
 * <!-- begin-user-doc -->
 * An implementation of the model object '<em><b>Channel</b></em>'.
 * <!-- end-user-doc -->
 * <p>
 * The following features are implemented:
 * </p>
 * <ul>
 *   <li>{@link org.mixtree.model.impl.ChannelImpl#getName <em>Name</em>}</li>
 *   <li>{@link org.mixtree.model.impl.ChannelImpl#getAddress <em>Address</em>}</li>
 *   <li>{@link org.mixtree.model.impl.ChannelImpl#getGainDb <em>Gain Db</em>}</li>
 *   <li>{@link org.mixtree.model.impl.ChannelImpl#getPan <em>Pan</em>}</li>
 *   <li>{@link org.mixtree.model.impl.ChannelImpl#isMute <em>Mute</em>}</li>
 *   <li>{@link org.mixtree.model.impl.ChannelImpl#isSolo <em>Solo</em>}</li>
 *   <li>{@link org.mixtree.model.impl.ChannelImpl#isPolarityInverted <em>Polarity Inverted</em>}</li>
 *   <li>{@link org.mixtree.model.impl.ChannelImpl#getOutput <em>Output</em>}</li>
 *   <li>{@link org.mixtree.model.impl.ChannelImpl#getInserts <em>Inserts</em>}</li>
 *   <li>{@link org.mixtree.model.impl.ChannelImpl#getSends <em>Sends</em>}</li>
 * </ul>
 *
 * @generated
 */
public abstract class ChannelImpl extends MinimalEObjectImpl.Container implements Channel {
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
	 * The default value of the '{@link #getAddress() <em>Address</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getAddress()
	 * @generated
	 * @ordered
	 */
	protected static final String ADDRESS_EDEFAULT = null;

	/**
	 * The default value of the '{@link #getGainDb() <em>Gain Db</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getGainDb()
	 * @generated
	 * @ordered
	 */
	protected static final double GAIN_DB_EDEFAULT = 0.0;

	/**
	 * The cached value of the '{@link #getGainDb() <em>Gain Db</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getGainDb()
	 * @generated
	 * @ordered
	 */
	protected double gainDb = GAIN_DB_EDEFAULT;

	/**
	 * The default value of the '{@link #getPan() <em>Pan</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getPan()
	 * @generated
	 * @ordered
	 */
	protected static final double PAN_EDEFAULT = 0.0;

	/**
	 * The cached value of the '{@link #getPan() <em>Pan</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getPan()
	 * @generated
	 * @ordered
	 */
	protected double pan = PAN_EDEFAULT;

	/**
	 * The default value of the '{@link #isMute() <em>Mute</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #isMute()
	 * @generated
	 * @ordered
	 */
	protected static final boolean MUTE_EDEFAULT = false;

	/**
	 * The cached value of the '{@link #isMute() <em>Mute</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #isMute()
	 * @generated
	 * @ordered
	 */
	protected boolean mute = MUTE_EDEFAULT;

	/**
	 * The default value of the '{@link #isSolo() <em>Solo</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #isSolo()
	 * @generated
	 * @ordered
	 */
	protected static final boolean SOLO_EDEFAULT = false;

	/**
	 * The cached value of the '{@link #isSolo() <em>Solo</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #isSolo()
	 * @generated
	 * @ordered
	 */
	protected boolean solo = SOLO_EDEFAULT;

	/**
	 * The default value of the '{@link #isPolarityInverted() <em>Polarity Inverted</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #isPolarityInverted()
	 * @generated
	 * @ordered
	 */
	protected static final boolean POLARITY_INVERTED_EDEFAULT = false;

	/**
	 * The cached value of the '{@link #isPolarityInverted() <em>Polarity Inverted</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #isPolarityInverted()
	 * @generated
	 * @ordered
	 */
	protected boolean polarityInverted = POLARITY_INVERTED_EDEFAULT;

	/**
	 * The cached value of the '{@link #getOutput() <em>Output</em>}' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getOutput()
	 * @generated
	 * @ordered
	 */
	protected Bus output;

	/**
	 * The cached value of the '{@link #getInserts() <em>Inserts</em>}' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getInserts()
	 * @generated
	 * @ordered
	 */
	protected EList<Insert> inserts;

	/**
	 * The cached value of the '{@link #getSends() <em>Sends</em>}' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSends()
	 * @generated
	 * @ordered
	 */
	protected EList<Send> sends;

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected ChannelImpl() {
		super();
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	protected EClass eStaticClass() {
		return MixtreePackage.Literals.CHANNEL;
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
			eNotify(new ENotificationImpl(this, Notification.SET, MixtreePackage.CHANNEL__NAME, oldName, name));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getAddress() {
		return org.mixtree.model.ChannelAddress.idOf(this);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public double getGainDb() {
		return gainDb;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setGainDb(double newGainDb) {
		double oldGainDb = gainDb;
		gainDb = newGainDb;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MixtreePackage.CHANNEL__GAIN_DB, oldGainDb, gainDb));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public double getPan() {
		return pan;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setPan(double newPan) {
		double oldPan = pan;
		pan = newPan;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MixtreePackage.CHANNEL__PAN, oldPan, pan));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public boolean isMute() {
		return mute;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setMute(boolean newMute) {
		boolean oldMute = mute;
		mute = newMute;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MixtreePackage.CHANNEL__MUTE, oldMute, mute));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public boolean isSolo() {
		return solo;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setSolo(boolean newSolo) {
		boolean oldSolo = solo;
		solo = newSolo;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MixtreePackage.CHANNEL__SOLO, oldSolo, solo));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public boolean isPolarityInverted() {
		return polarityInverted;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setPolarityInverted(boolean newPolarityInverted) {
		boolean oldPolarityInverted = polarityInverted;
		polarityInverted = newPolarityInverted;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MixtreePackage.CHANNEL__POLARITY_INVERTED, oldPolarityInverted, polarityInverted));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Bus getOutput() {
		if (output != null && output.eIsProxy()) {
			InternalEObject oldOutput = (InternalEObject)output;
			output = (Bus)eResolveProxy(oldOutput);
			if (output != oldOutput) {
				if (eNotificationRequired())
					eNotify(new ENotificationImpl(this, Notification.RESOLVE, MixtreePackage.CHANNEL__OUTPUT, oldOutput, output));
			}
		}
		return output;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public Bus basicGetOutput() {
		return output;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setOutput(Bus newOutput) {
		Bus oldOutput = output;
		output = newOutput;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MixtreePackage.CHANNEL__OUTPUT, oldOutput, output));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<Insert> getInserts() {
		if (inserts == null) {
			inserts = new EObjectContainmentEList<Insert>(Insert.class, this, MixtreePackage.CHANNEL__INSERTS);
		}
		return inserts;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<Send> getSends() {
		if (sends == null) {
			sends = new EObjectContainmentEList<Send>(Send.class, this, MixtreePackage.CHANNEL__SENDS);
		}
		return sends;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public NotificationChain eInverseRemove(InternalEObject otherEnd, int featureID, NotificationChain msgs) {
		switch (featureID) {
			case MixtreePackage.CHANNEL__INSERTS:
				return ((InternalEList<?>)getInserts()).basicRemove(otherEnd, msgs);
			case MixtreePackage.CHANNEL__SENDS:
				return ((InternalEList<?>)getSends()).basicRemove(otherEnd, msgs);
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
			case MixtreePackage.CHANNEL__NAME:
				return getName();
			case MixtreePackage.CHANNEL__ADDRESS:
				return getAddress();
			case MixtreePackage.CHANNEL__GAIN_DB:
				return getGainDb();
			case MixtreePackage.CHANNEL__PAN:
				return getPan();
			case MixtreePackage.CHANNEL__MUTE:
				return isMute();
			case MixtreePackage.CHANNEL__SOLO:
				return isSolo();
			case MixtreePackage.CHANNEL__POLARITY_INVERTED:
				return isPolarityInverted();
			case MixtreePackage.CHANNEL__OUTPUT:
				if (resolve) return getOutput();
				return basicGetOutput();
			case MixtreePackage.CHANNEL__INSERTS:
				return getInserts();
			case MixtreePackage.CHANNEL__SENDS:
				return getSends();
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
			case MixtreePackage.CHANNEL__NAME:
				setName((String)newValue);
				return;
			case MixtreePackage.CHANNEL__GAIN_DB:
				setGainDb((Double)newValue);
				return;
			case MixtreePackage.CHANNEL__PAN:
				setPan((Double)newValue);
				return;
			case MixtreePackage.CHANNEL__MUTE:
				setMute((Boolean)newValue);
				return;
			case MixtreePackage.CHANNEL__SOLO:
				setSolo((Boolean)newValue);
				return;
			case MixtreePackage.CHANNEL__POLARITY_INVERTED:
				setPolarityInverted((Boolean)newValue);
				return;
			case MixtreePackage.CHANNEL__OUTPUT:
				setOutput((Bus)newValue);
				return;
			case MixtreePackage.CHANNEL__INSERTS:
				getInserts().clear();
				getInserts().addAll((Collection<? extends Insert>)newValue);
				return;
			case MixtreePackage.CHANNEL__SENDS:
				getSends().clear();
				getSends().addAll((Collection<? extends Send>)newValue);
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
			case MixtreePackage.CHANNEL__NAME:
				setName(NAME_EDEFAULT);
				return;
			case MixtreePackage.CHANNEL__GAIN_DB:
				setGainDb(GAIN_DB_EDEFAULT);
				return;
			case MixtreePackage.CHANNEL__PAN:
				setPan(PAN_EDEFAULT);
				return;
			case MixtreePackage.CHANNEL__MUTE:
				setMute(MUTE_EDEFAULT);
				return;
			case MixtreePackage.CHANNEL__SOLO:
				setSolo(SOLO_EDEFAULT);
				return;
			case MixtreePackage.CHANNEL__POLARITY_INVERTED:
				setPolarityInverted(POLARITY_INVERTED_EDEFAULT);
				return;
			case MixtreePackage.CHANNEL__OUTPUT:
				setOutput((Bus)null);
				return;
			case MixtreePackage.CHANNEL__INSERTS:
				getInserts().clear();
				return;
			case MixtreePackage.CHANNEL__SENDS:
				getSends().clear();
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
			case MixtreePackage.CHANNEL__NAME:
				return NAME_EDEFAULT == null ? name != null : !NAME_EDEFAULT.equals(name);
			case MixtreePackage.CHANNEL__ADDRESS:
				return ADDRESS_EDEFAULT == null ? getAddress() != null : !ADDRESS_EDEFAULT.equals(getAddress());
			case MixtreePackage.CHANNEL__GAIN_DB:
				return gainDb != GAIN_DB_EDEFAULT;
			case MixtreePackage.CHANNEL__PAN:
				return pan != PAN_EDEFAULT;
			case MixtreePackage.CHANNEL__MUTE:
				return mute != MUTE_EDEFAULT;
			case MixtreePackage.CHANNEL__SOLO:
				return solo != SOLO_EDEFAULT;
			case MixtreePackage.CHANNEL__POLARITY_INVERTED:
				return polarityInverted != POLARITY_INVERTED_EDEFAULT;
			case MixtreePackage.CHANNEL__OUTPUT:
				return output != null;
			case MixtreePackage.CHANNEL__INSERTS:
				return inserts != null && !inserts.isEmpty();
			case MixtreePackage.CHANNEL__SENDS:
				return sends != null && !sends.isEmpty();
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
		result.append(", gainDb: ");
		result.append(gainDb);
		result.append(", pan: ");
		result.append(pan);
		result.append(", mute: ");
		result.append(mute);
		result.append(", solo: ");
		result.append(solo);
		result.append(", polarityInverted: ");
		result.append(polarityInverted);
		result.append(')');
		return result.toString();
	}

} //ChannelImpl
