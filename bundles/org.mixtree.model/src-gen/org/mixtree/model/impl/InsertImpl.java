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

import org.mixtree.model.Channel;
import org.mixtree.model.FileValue;
import org.mixtree.model.Insert;
import org.mixtree.model.MixtreePackage;
import org.mixtree.model.ParameterValue;

/**
 * <!-- begin-user-doc -->
 * An implementation of the model object '<em><b>Insert</b></em>'.
 * <!-- end-user-doc -->
 * <p>
 * The following features are implemented:
 * </p>
 * <ul>
 *   <li>{@link org.mixtree.model.impl.InsertImpl#getEffectId <em>Effect Id</em>}</li>
 *   <li>{@link org.mixtree.model.impl.InsertImpl#isBypass <em>Bypass</em>}</li>
 *   <li>{@link org.mixtree.model.impl.InsertImpl#getParameters <em>Parameters</em>}</li>
 *   <li>{@link org.mixtree.model.impl.InsertImpl#getFiles <em>Files</em>}</li>
 *   <li>{@link org.mixtree.model.impl.InsertImpl#getState <em>State</em>}</li>
 *   <li>{@link org.mixtree.model.impl.InsertImpl#getSidechain <em>Sidechain</em>}</li>
 * </ul>
 *
 * @generated
 */
public class InsertImpl extends MinimalEObjectImpl.Container implements Insert {
	/**
	 * The default value of the '{@link #getEffectId() <em>Effect Id</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getEffectId()
	 * @generated
	 * @ordered
	 */
	protected static final String EFFECT_ID_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getEffectId() <em>Effect Id</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getEffectId()
	 * @generated
	 * @ordered
	 */
	protected String effectId = EFFECT_ID_EDEFAULT;

	/**
	 * The default value of the '{@link #isBypass() <em>Bypass</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #isBypass()
	 * @generated
	 * @ordered
	 */
	protected static final boolean BYPASS_EDEFAULT = false;

	/**
	 * The cached value of the '{@link #isBypass() <em>Bypass</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #isBypass()
	 * @generated
	 * @ordered
	 */
	protected boolean bypass = BYPASS_EDEFAULT;

	/**
	 * The cached value of the '{@link #getParameters() <em>Parameters</em>}' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getParameters()
	 * @generated
	 * @ordered
	 */
	protected EList<ParameterValue> parameters;

	/**
	 * The cached value of the '{@link #getFiles() <em>Files</em>}' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getFiles()
	 * @generated
	 * @ordered
	 */
	protected EList<FileValue> files;

	/**
	 * The default value of the '{@link #getState() <em>State</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getState()
	 * @generated
	 * @ordered
	 */
	protected static final String STATE_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getState() <em>State</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getState()
	 * @generated
	 * @ordered
	 */
	protected String state = STATE_EDEFAULT;

	/**
	 * The cached value of the '{@link #getSidechain() <em>Sidechain</em>}' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSidechain()
	 * @generated
	 * @ordered
	 */
	protected Channel sidechain;

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected InsertImpl() {
		super();
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	protected EClass eStaticClass() {
		return MixtreePackage.Literals.INSERT;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getEffectId() {
		return effectId;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setEffectId(String newEffectId) {
		String oldEffectId = effectId;
		effectId = newEffectId;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MixtreePackage.INSERT__EFFECT_ID, oldEffectId, effectId));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public boolean isBypass() {
		return bypass;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setBypass(boolean newBypass) {
		boolean oldBypass = bypass;
		bypass = newBypass;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MixtreePackage.INSERT__BYPASS, oldBypass, bypass));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<ParameterValue> getParameters() {
		if (parameters == null) {
			parameters = new EObjectContainmentEList<ParameterValue>(ParameterValue.class, this, MixtreePackage.INSERT__PARAMETERS);
		}
		return parameters;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<FileValue> getFiles() {
		if (files == null) {
			files = new EObjectContainmentEList<FileValue>(FileValue.class, this, MixtreePackage.INSERT__FILES);
		}
		return files;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getState() {
		return state;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setState(String newState) {
		String oldState = state;
		state = newState;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MixtreePackage.INSERT__STATE, oldState, state));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Channel getSidechain() {
		if (sidechain != null && sidechain.eIsProxy()) {
			InternalEObject oldSidechain = (InternalEObject)sidechain;
			sidechain = (Channel)eResolveProxy(oldSidechain);
			if (sidechain != oldSidechain) {
				if (eNotificationRequired())
					eNotify(new ENotificationImpl(this, Notification.RESOLVE, MixtreePackage.INSERT__SIDECHAIN, oldSidechain, sidechain));
			}
		}
		return sidechain;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public Channel basicGetSidechain() {
		return sidechain;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setSidechain(Channel newSidechain) {
		Channel oldSidechain = sidechain;
		sidechain = newSidechain;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MixtreePackage.INSERT__SIDECHAIN, oldSidechain, sidechain));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public NotificationChain eInverseRemove(InternalEObject otherEnd, int featureID, NotificationChain msgs) {
		switch (featureID) {
			case MixtreePackage.INSERT__PARAMETERS:
				return ((InternalEList<?>)getParameters()).basicRemove(otherEnd, msgs);
			case MixtreePackage.INSERT__FILES:
				return ((InternalEList<?>)getFiles()).basicRemove(otherEnd, msgs);
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
			case MixtreePackage.INSERT__EFFECT_ID:
				return getEffectId();
			case MixtreePackage.INSERT__BYPASS:
				return isBypass();
			case MixtreePackage.INSERT__PARAMETERS:
				return getParameters();
			case MixtreePackage.INSERT__FILES:
				return getFiles();
			case MixtreePackage.INSERT__STATE:
				return getState();
			case MixtreePackage.INSERT__SIDECHAIN:
				if (resolve) return getSidechain();
				return basicGetSidechain();
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
			case MixtreePackage.INSERT__EFFECT_ID:
				setEffectId((String)newValue);
				return;
			case MixtreePackage.INSERT__BYPASS:
				setBypass((Boolean)newValue);
				return;
			case MixtreePackage.INSERT__PARAMETERS:
				getParameters().clear();
				getParameters().addAll((Collection<? extends ParameterValue>)newValue);
				return;
			case MixtreePackage.INSERT__FILES:
				getFiles().clear();
				getFiles().addAll((Collection<? extends FileValue>)newValue);
				return;
			case MixtreePackage.INSERT__STATE:
				setState((String)newValue);
				return;
			case MixtreePackage.INSERT__SIDECHAIN:
				setSidechain((Channel)newValue);
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
			case MixtreePackage.INSERT__EFFECT_ID:
				setEffectId(EFFECT_ID_EDEFAULT);
				return;
			case MixtreePackage.INSERT__BYPASS:
				setBypass(BYPASS_EDEFAULT);
				return;
			case MixtreePackage.INSERT__PARAMETERS:
				getParameters().clear();
				return;
			case MixtreePackage.INSERT__FILES:
				getFiles().clear();
				return;
			case MixtreePackage.INSERT__STATE:
				setState(STATE_EDEFAULT);
				return;
			case MixtreePackage.INSERT__SIDECHAIN:
				setSidechain((Channel)null);
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
			case MixtreePackage.INSERT__EFFECT_ID:
				return EFFECT_ID_EDEFAULT == null ? effectId != null : !EFFECT_ID_EDEFAULT.equals(effectId);
			case MixtreePackage.INSERT__BYPASS:
				return bypass != BYPASS_EDEFAULT;
			case MixtreePackage.INSERT__PARAMETERS:
				return parameters != null && !parameters.isEmpty();
			case MixtreePackage.INSERT__FILES:
				return files != null && !files.isEmpty();
			case MixtreePackage.INSERT__STATE:
				return STATE_EDEFAULT == null ? state != null : !STATE_EDEFAULT.equals(state);
			case MixtreePackage.INSERT__SIDECHAIN:
				return sidechain != null;
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
		result.append(" (effectId: ");
		result.append(effectId);
		result.append(", bypass: ");
		result.append(bypass);
		result.append(", state: ");
		result.append(state);
		result.append(')');
		return result.toString();
	}

} //InsertImpl
