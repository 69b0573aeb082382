/**
 * Mixtree. Generated from model/mixtree.genmodel: do not edit; regenerate (see README.md).
 */
package org.mixtree.model.impl;

import org.eclipse.emf.common.notify.Notification;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.InternalEObject;

import org.eclipse.emf.ecore.impl.ENotificationImpl;
import org.eclipse.emf.ecore.impl.MinimalEObjectImpl;

import org.mixtree.model.Bus;
import org.mixtree.model.MixtreePackage;
import org.mixtree.model.Send;

/**
 * <!-- begin-user-doc -->
 * An implementation of the model object '<em><b>Send</b></em>'.
 * <!-- end-user-doc -->
 * <p>
 * The following features are implemented:
 * </p>
 * <ul>
 *   <li>{@link org.mixtree.model.impl.SendImpl#getTarget <em>Target</em>}</li>
 *   <li>{@link org.mixtree.model.impl.SendImpl#getLevelDb <em>Level Db</em>}</li>
 *   <li>{@link org.mixtree.model.impl.SendImpl#isPreFader <em>Pre Fader</em>}</li>
 * </ul>
 *
 * @generated
 */
public class SendImpl extends MinimalEObjectImpl.Container implements Send {
	/**
	 * The cached value of the '{@link #getTarget() <em>Target</em>}' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getTarget()
	 * @generated
	 * @ordered
	 */
	protected Bus target;

	/**
	 * The default value of the '{@link #getLevelDb() <em>Level Db</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getLevelDb()
	 * @generated
	 * @ordered
	 */
	protected static final double LEVEL_DB_EDEFAULT = 0.0;

	/**
	 * The cached value of the '{@link #getLevelDb() <em>Level Db</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getLevelDb()
	 * @generated
	 * @ordered
	 */
	protected double levelDb = LEVEL_DB_EDEFAULT;

	/**
	 * The default value of the '{@link #isPreFader() <em>Pre Fader</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #isPreFader()
	 * @generated
	 * @ordered
	 */
	protected static final boolean PRE_FADER_EDEFAULT = false;

	/**
	 * The cached value of the '{@link #isPreFader() <em>Pre Fader</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #isPreFader()
	 * @generated
	 * @ordered
	 */
	protected boolean preFader = PRE_FADER_EDEFAULT;

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected SendImpl() {
		super();
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	protected EClass eStaticClass() {
		return MixtreePackage.Literals.SEND;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Bus getTarget() {
		if (target != null && target.eIsProxy()) {
			InternalEObject oldTarget = (InternalEObject)target;
			target = (Bus)eResolveProxy(oldTarget);
			if (target != oldTarget) {
				if (eNotificationRequired())
					eNotify(new ENotificationImpl(this, Notification.RESOLVE, MixtreePackage.SEND__TARGET, oldTarget, target));
			}
		}
		return target;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public Bus basicGetTarget() {
		return target;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setTarget(Bus newTarget) {
		Bus oldTarget = target;
		target = newTarget;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MixtreePackage.SEND__TARGET, oldTarget, target));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public double getLevelDb() {
		return levelDb;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setLevelDb(double newLevelDb) {
		double oldLevelDb = levelDb;
		levelDb = newLevelDb;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MixtreePackage.SEND__LEVEL_DB, oldLevelDb, levelDb));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public boolean isPreFader() {
		return preFader;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setPreFader(boolean newPreFader) {
		boolean oldPreFader = preFader;
		preFader = newPreFader;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MixtreePackage.SEND__PRE_FADER, oldPreFader, preFader));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Object eGet(int featureID, boolean resolve, boolean coreType) {
		switch (featureID) {
			case MixtreePackage.SEND__TARGET:
				if (resolve) return getTarget();
				return basicGetTarget();
			case MixtreePackage.SEND__LEVEL_DB:
				return getLevelDb();
			case MixtreePackage.SEND__PRE_FADER:
				return isPreFader();
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
			case MixtreePackage.SEND__TARGET:
				setTarget((Bus)newValue);
				return;
			case MixtreePackage.SEND__LEVEL_DB:
				setLevelDb((Double)newValue);
				return;
			case MixtreePackage.SEND__PRE_FADER:
				setPreFader((Boolean)newValue);
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
			case MixtreePackage.SEND__TARGET:
				setTarget((Bus)null);
				return;
			case MixtreePackage.SEND__LEVEL_DB:
				setLevelDb(LEVEL_DB_EDEFAULT);
				return;
			case MixtreePackage.SEND__PRE_FADER:
				setPreFader(PRE_FADER_EDEFAULT);
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
			case MixtreePackage.SEND__TARGET:
				return target != null;
			case MixtreePackage.SEND__LEVEL_DB:
				return levelDb != LEVEL_DB_EDEFAULT;
			case MixtreePackage.SEND__PRE_FADER:
				return preFader != PRE_FADER_EDEFAULT;
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
		result.append(" (levelDb: ");
		result.append(levelDb);
		result.append(", preFader: ");
		result.append(preFader);
		result.append(')');
		return result.toString();
	}

} //SendImpl
