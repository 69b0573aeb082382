/**
 * Mixtree. Generated from model/mixtree.genmodel: do not edit; regenerate (see README.md).
 */
package org.mixtree.model;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EEnum;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.EReference;

/**
 * <!-- begin-user-doc -->
 * The <b>Package</b> for the model.
 * It contains accessors for the meta objects to represent
 * <ul>
 *   <li>each class,</li>
 *   <li>each feature of each class,</li>
 *   <li>each operation of each class,</li>
 *   <li>each enum,</li>
 *   <li>and each data type</li>
 * </ul>
 * <!-- end-user-doc -->
 * <!-- begin-model-doc -->
 * A Mixtree session: tracks feed buses, buses feed buses, buses feed the master. Sends extend that tree.
 * <!-- end-model-doc -->
 * @see org.mixtree.model.MixtreeFactory
 * @model kind="package"
 * @generated
 */
public interface MixtreePackage extends EPackage {
	/**
	 * The package name.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	String eNAME = "model";

	/**
	 * The package namespace URI.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	String eNS_URI = "http://mixtree.org/session/1.0";

	/**
	 * The package namespace name.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	String eNS_PREFIX = "mixtree";

	/**
	 * The singleton instance of the package.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	MixtreePackage eINSTANCE = org.mixtree.model.impl.MixtreePackageImpl.init();

	/**
	 * The meta object id for the '{@link org.mixtree.model.impl.SessionImpl <em>Session</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.mixtree.model.impl.SessionImpl
	 * @see org.mixtree.model.impl.MixtreePackageImpl#getSession()
	 * @generated
	 */
	int SESSION = 0;

	/**
	 * The feature id for the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SESSION__NAME = 0;

	/**
	 * The feature id for the '<em><b>Sample Rate</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SESSION__SAMPLE_RATE = 1;

	/**
	 * The feature id for the '<em><b>Pan Law</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SESSION__PAN_LAW = 2;

	/**
	 * The feature id for the '<em><b>Mix Stage</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SESSION__MIX_STAGE = 3;

	/**
	 * The feature id for the '<em><b>Headroom Db</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SESSION__HEADROOM_DB = 4;

	/**
	 * The feature id for the '<em><b>Tracks</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SESSION__TRACKS = 5;

	/**
	 * The feature id for the '<em><b>Buses</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SESSION__BUSES = 6;

	/**
	 * The feature id for the '<em><b>Master</b></em>' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SESSION__MASTER = 7;

	/**
	 * The feature id for the '<em><b>Snapshots</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SESSION__SNAPSHOTS = 8;

	/**
	 * The feature id for the '<em><b>Focus</b></em>' reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SESSION__FOCUS = 9;

	/**
	 * The number of structural features of the '<em>Session</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SESSION_FEATURE_COUNT = 10;

	/**
	 * The number of operations of the '<em>Session</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SESSION_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link org.mixtree.model.impl.ChannelImpl <em>Channel</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.mixtree.model.impl.ChannelImpl
	 * @see org.mixtree.model.impl.MixtreePackageImpl#getChannel()
	 * @generated
	 */
	int CHANNEL = 1;

	/**
	 * The feature id for the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CHANNEL__NAME = 0;

	/**
	 * The feature id for the '<em><b>Address</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CHANNEL__ADDRESS = 1;

	/**
	 * The feature id for the '<em><b>Gain Db</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CHANNEL__GAIN_DB = 2;

	/**
	 * The feature id for the '<em><b>Pan</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CHANNEL__PAN = 3;

	/**
	 * The feature id for the '<em><b>Mute</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CHANNEL__MUTE = 4;

	/**
	 * The feature id for the '<em><b>Solo</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CHANNEL__SOLO = 5;

	/**
	 * The feature id for the '<em><b>Polarity Inverted</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CHANNEL__POLARITY_INVERTED = 6;

	/**
	 * The feature id for the '<em><b>Output</b></em>' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CHANNEL__OUTPUT = 7;

	/**
	 * The feature id for the '<em><b>Inserts</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CHANNEL__INSERTS = 8;

	/**
	 * The feature id for the '<em><b>Sends</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CHANNEL__SENDS = 9;

	/**
	 * The number of structural features of the '<em>Channel</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CHANNEL_FEATURE_COUNT = 10;

	/**
	 * The number of operations of the '<em>Channel</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CHANNEL_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link org.mixtree.model.impl.TrackImpl <em>Track</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.mixtree.model.impl.TrackImpl
	 * @see org.mixtree.model.impl.MixtreePackageImpl#getTrack()
	 * @generated
	 */
	int TRACK = 2;

	/**
	 * The feature id for the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int TRACK__NAME = CHANNEL__NAME;

	/**
	 * The feature id for the '<em><b>Address</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int TRACK__ADDRESS = CHANNEL__ADDRESS;

	/**
	 * The feature id for the '<em><b>Gain Db</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int TRACK__GAIN_DB = CHANNEL__GAIN_DB;

	/**
	 * The feature id for the '<em><b>Pan</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int TRACK__PAN = CHANNEL__PAN;

	/**
	 * The feature id for the '<em><b>Mute</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int TRACK__MUTE = CHANNEL__MUTE;

	/**
	 * The feature id for the '<em><b>Solo</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int TRACK__SOLO = CHANNEL__SOLO;

	/**
	 * The feature id for the '<em><b>Polarity Inverted</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int TRACK__POLARITY_INVERTED = CHANNEL__POLARITY_INVERTED;

	/**
	 * The feature id for the '<em><b>Output</b></em>' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int TRACK__OUTPUT = CHANNEL__OUTPUT;

	/**
	 * The feature id for the '<em><b>Inserts</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int TRACK__INSERTS = CHANNEL__INSERTS;

	/**
	 * The feature id for the '<em><b>Sends</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int TRACK__SENDS = CHANNEL__SENDS;

	/**
	 * The feature id for the '<em><b>Source</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int TRACK__SOURCE = CHANNEL_FEATURE_COUNT + 0;

	/**
	 * The feature id for the '<em><b>Clip Gain Db</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int TRACK__CLIP_GAIN_DB = CHANNEL_FEATURE_COUNT + 1;

	/**
	 * The feature id for the '<em><b>Offset Frames</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int TRACK__OFFSET_FRAMES = CHANNEL_FEATURE_COUNT + 2;

	/**
	 * The feature id for the '<em><b>Source Frames</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int TRACK__SOURCE_FRAMES = CHANNEL_FEATURE_COUNT + 3;

	/**
	 * The feature id for the '<em><b>Source Rate</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int TRACK__SOURCE_RATE = CHANNEL_FEATURE_COUNT + 4;

	/**
	 * The feature id for the '<em><b>Source Channels</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int TRACK__SOURCE_CHANNELS = CHANNEL_FEATURE_COUNT + 5;

	/**
	 * The number of structural features of the '<em>Track</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int TRACK_FEATURE_COUNT = CHANNEL_FEATURE_COUNT + 6;

	/**
	 * The number of operations of the '<em>Track</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int TRACK_OPERATION_COUNT = CHANNEL_OPERATION_COUNT + 0;

	/**
	 * The meta object id for the '{@link org.mixtree.model.impl.BusImpl <em>Bus</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.mixtree.model.impl.BusImpl
	 * @see org.mixtree.model.impl.MixtreePackageImpl#getBus()
	 * @generated
	 */
	int BUS = 3;

	/**
	 * The feature id for the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int BUS__NAME = CHANNEL__NAME;

	/**
	 * The feature id for the '<em><b>Address</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int BUS__ADDRESS = CHANNEL__ADDRESS;

	/**
	 * The feature id for the '<em><b>Gain Db</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int BUS__GAIN_DB = CHANNEL__GAIN_DB;

	/**
	 * The feature id for the '<em><b>Pan</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int BUS__PAN = CHANNEL__PAN;

	/**
	 * The feature id for the '<em><b>Mute</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int BUS__MUTE = CHANNEL__MUTE;

	/**
	 * The feature id for the '<em><b>Solo</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int BUS__SOLO = CHANNEL__SOLO;

	/**
	 * The feature id for the '<em><b>Polarity Inverted</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int BUS__POLARITY_INVERTED = CHANNEL__POLARITY_INVERTED;

	/**
	 * The feature id for the '<em><b>Output</b></em>' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int BUS__OUTPUT = CHANNEL__OUTPUT;

	/**
	 * The feature id for the '<em><b>Inserts</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int BUS__INSERTS = CHANNEL__INSERTS;

	/**
	 * The feature id for the '<em><b>Sends</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int BUS__SENDS = CHANNEL__SENDS;

	/**
	 * The feature id for the '<em><b>Solo Safe</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int BUS__SOLO_SAFE = CHANNEL_FEATURE_COUNT + 0;

	/**
	 * The number of structural features of the '<em>Bus</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int BUS_FEATURE_COUNT = CHANNEL_FEATURE_COUNT + 1;

	/**
	 * The number of operations of the '<em>Bus</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int BUS_OPERATION_COUNT = CHANNEL_OPERATION_COUNT + 0;

	/**
	 * The meta object id for the '{@link org.mixtree.model.impl.InsertImpl <em>Insert</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.mixtree.model.impl.InsertImpl
	 * @see org.mixtree.model.impl.MixtreePackageImpl#getInsert()
	 * @generated
	 */
	int INSERT = 4;

	/**
	 * The feature id for the '<em><b>Effect Id</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int INSERT__EFFECT_ID = 0;

	/**
	 * The feature id for the '<em><b>Bypass</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int INSERT__BYPASS = 1;

	/**
	 * The feature id for the '<em><b>Parameters</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int INSERT__PARAMETERS = 2;

	/**
	 * The feature id for the '<em><b>Files</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int INSERT__FILES = 3;

	/**
	 * The feature id for the '<em><b>State</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int INSERT__STATE = 4;

	/**
	 * The feature id for the '<em><b>Sidechain</b></em>' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int INSERT__SIDECHAIN = 5;

	/**
	 * The number of structural features of the '<em>Insert</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int INSERT_FEATURE_COUNT = 6;

	/**
	 * The number of operations of the '<em>Insert</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int INSERT_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link org.mixtree.model.impl.ParameterValueImpl <em>Parameter Value</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.mixtree.model.impl.ParameterValueImpl
	 * @see org.mixtree.model.impl.MixtreePackageImpl#getParameterValue()
	 * @generated
	 */
	int PARAMETER_VALUE = 5;

	/**
	 * The feature id for the '<em><b>Id</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PARAMETER_VALUE__ID = 0;

	/**
	 * The feature id for the '<em><b>Value</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PARAMETER_VALUE__VALUE = 1;

	/**
	 * The number of structural features of the '<em>Parameter Value</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PARAMETER_VALUE_FEATURE_COUNT = 2;

	/**
	 * The number of operations of the '<em>Parameter Value</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PARAMETER_VALUE_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link org.mixtree.model.impl.FileValueImpl <em>File Value</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.mixtree.model.impl.FileValueImpl
	 * @see org.mixtree.model.impl.MixtreePackageImpl#getFileValue()
	 * @generated
	 */
	int FILE_VALUE = 6;

	/**
	 * The feature id for the '<em><b>Id</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int FILE_VALUE__ID = 0;

	/**
	 * The feature id for the '<em><b>Path</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int FILE_VALUE__PATH = 1;

	/**
	 * The number of structural features of the '<em>File Value</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int FILE_VALUE_FEATURE_COUNT = 2;

	/**
	 * The number of operations of the '<em>File Value</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int FILE_VALUE_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link org.mixtree.model.impl.SendImpl <em>Send</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.mixtree.model.impl.SendImpl
	 * @see org.mixtree.model.impl.MixtreePackageImpl#getSend()
	 * @generated
	 */
	int SEND = 7;

	/**
	 * The feature id for the '<em><b>Target</b></em>' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SEND__TARGET = 0;

	/**
	 * The feature id for the '<em><b>Level Db</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SEND__LEVEL_DB = 1;

	/**
	 * The feature id for the '<em><b>Pre Fader</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SEND__PRE_FADER = 2;

	/**
	 * The number of structural features of the '<em>Send</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SEND_FEATURE_COUNT = 3;

	/**
	 * The number of operations of the '<em>Send</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SEND_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link org.mixtree.model.impl.SnapshotImpl <em>Snapshot</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.mixtree.model.impl.SnapshotImpl
	 * @see org.mixtree.model.impl.MixtreePackageImpl#getSnapshot()
	 * @generated
	 */
	int SNAPSHOT = 8;

	/**
	 * The feature id for the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SNAPSHOT__NAME = 0;

	/**
	 * The feature id for the '<em><b>Values</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SNAPSHOT__VALUES = 1;

	/**
	 * The number of structural features of the '<em>Snapshot</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SNAPSHOT_FEATURE_COUNT = 2;

	/**
	 * The number of operations of the '<em>Snapshot</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SNAPSHOT_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link org.mixtree.model.PanLaw <em>Pan Law</em>}' enum.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.mixtree.model.PanLaw
	 * @see org.mixtree.model.impl.MixtreePackageImpl#getPanLaw()
	 * @generated
	 */
	int PAN_LAW = 9;

	/**
	 * The meta object id for the '{@link org.mixtree.model.MixStage <em>Mix Stage</em>}' enum.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.mixtree.model.MixStage
	 * @see org.mixtree.model.impl.MixtreePackageImpl#getMixStage()
	 * @generated
	 */
	int MIX_STAGE = 10;


	/**
	 * Returns the meta object for class '{@link org.mixtree.model.Session <em>Session</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Session</em>'.
	 * @see org.mixtree.model.Session
	 * @generated
	 */
	EClass getSession();

	/**
	 * Returns the meta object for the attribute '{@link org.mixtree.model.Session#getName <em>Name</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Name</em>'.
	 * @see org.mixtree.model.Session#getName()
	 * @see #getSession()
	 * @generated
	 */
	EAttribute getSession_Name();

	/**
	 * Returns the meta object for the attribute '{@link org.mixtree.model.Session#getSampleRate <em>Sample Rate</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Sample Rate</em>'.
	 * @see org.mixtree.model.Session#getSampleRate()
	 * @see #getSession()
	 * @generated
	 */
	EAttribute getSession_SampleRate();

	/**
	 * Returns the meta object for the attribute '{@link org.mixtree.model.Session#getPanLaw <em>Pan Law</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Pan Law</em>'.
	 * @see org.mixtree.model.Session#getPanLaw()
	 * @see #getSession()
	 * @generated
	 */
	EAttribute getSession_PanLaw();

	/**
	 * Returns the meta object for the attribute '{@link org.mixtree.model.Session#getMixStage <em>Mix Stage</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Mix Stage</em>'.
	 * @see org.mixtree.model.Session#getMixStage()
	 * @see #getSession()
	 * @generated
	 */
	EAttribute getSession_MixStage();

	/**
	 * Returns the meta object for the attribute '{@link org.mixtree.model.Session#getHeadroomDb <em>Headroom Db</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Headroom Db</em>'.
	 * @see org.mixtree.model.Session#getHeadroomDb()
	 * @see #getSession()
	 * @generated
	 */
	EAttribute getSession_HeadroomDb();

	/**
	 * Returns the meta object for the containment reference list '{@link org.mixtree.model.Session#getTracks <em>Tracks</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Tracks</em>'.
	 * @see org.mixtree.model.Session#getTracks()
	 * @see #getSession()
	 * @generated
	 */
	EReference getSession_Tracks();

	/**
	 * Returns the meta object for the containment reference list '{@link org.mixtree.model.Session#getBuses <em>Buses</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Buses</em>'.
	 * @see org.mixtree.model.Session#getBuses()
	 * @see #getSession()
	 * @generated
	 */
	EReference getSession_Buses();

	/**
	 * Returns the meta object for the containment reference '{@link org.mixtree.model.Session#getMaster <em>Master</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference '<em>Master</em>'.
	 * @see org.mixtree.model.Session#getMaster()
	 * @see #getSession()
	 * @generated
	 */
	EReference getSession_Master();

	/**
	 * Returns the meta object for the containment reference list '{@link org.mixtree.model.Session#getSnapshots <em>Snapshots</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Snapshots</em>'.
	 * @see org.mixtree.model.Session#getSnapshots()
	 * @see #getSession()
	 * @generated
	 */
	EReference getSession_Snapshots();

	/**
	 * Returns the meta object for the reference list '{@link org.mixtree.model.Session#getFocus <em>Focus</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the reference list '<em>Focus</em>'.
	 * @see org.mixtree.model.Session#getFocus()
	 * @see #getSession()
	 * @generated
	 */
	EReference getSession_Focus();

	/**
	 * Returns the meta object for class '{@link org.mixtree.model.Channel <em>Channel</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Channel</em>'.
	 * @see org.mixtree.model.Channel
	 * @generated
	 */
	EClass getChannel();

	/**
	 * Returns the meta object for the attribute '{@link org.mixtree.model.Channel#getName <em>Name</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Name</em>'.
	 * @see org.mixtree.model.Channel#getName()
	 * @see #getChannel()
	 * @generated
	 */
	EAttribute getChannel_Name();

	/**
	 * Returns the meta object for the attribute '{@link org.mixtree.model.Channel#getAddress <em>Address</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Address</em>'.
	 * @see org.mixtree.model.Channel#getAddress()
	 * @see #getChannel()
	 * @generated
	 */
	EAttribute getChannel_Address();

	/**
	 * Returns the meta object for the attribute '{@link org.mixtree.model.Channel#getGainDb <em>Gain Db</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Gain Db</em>'.
	 * @see org.mixtree.model.Channel#getGainDb()
	 * @see #getChannel()
	 * @generated
	 */
	EAttribute getChannel_GainDb();

	/**
	 * Returns the meta object for the attribute '{@link org.mixtree.model.Channel#getPan <em>Pan</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Pan</em>'.
	 * @see org.mixtree.model.Channel#getPan()
	 * @see #getChannel()
	 * @generated
	 */
	EAttribute getChannel_Pan();

	/**
	 * Returns the meta object for the attribute '{@link org.mixtree.model.Channel#isMute <em>Mute</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Mute</em>'.
	 * @see org.mixtree.model.Channel#isMute()
	 * @see #getChannel()
	 * @generated
	 */
	EAttribute getChannel_Mute();

	/**
	 * Returns the meta object for the attribute '{@link org.mixtree.model.Channel#isSolo <em>Solo</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Solo</em>'.
	 * @see org.mixtree.model.Channel#isSolo()
	 * @see #getChannel()
	 * @generated
	 */
	EAttribute getChannel_Solo();

	/**
	 * Returns the meta object for the attribute '{@link org.mixtree.model.Channel#isPolarityInverted <em>Polarity Inverted</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Polarity Inverted</em>'.
	 * @see org.mixtree.model.Channel#isPolarityInverted()
	 * @see #getChannel()
	 * @generated
	 */
	EAttribute getChannel_PolarityInverted();

	/**
	 * Returns the meta object for the reference '{@link org.mixtree.model.Channel#getOutput <em>Output</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the reference '<em>Output</em>'.
	 * @see org.mixtree.model.Channel#getOutput()
	 * @see #getChannel()
	 * @generated
	 */
	EReference getChannel_Output();

	/**
	 * Returns the meta object for the containment reference list '{@link org.mixtree.model.Channel#getInserts <em>Inserts</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Inserts</em>'.
	 * @see org.mixtree.model.Channel#getInserts()
	 * @see #getChannel()
	 * @generated
	 */
	EReference getChannel_Inserts();

	/**
	 * Returns the meta object for the containment reference list '{@link org.mixtree.model.Channel#getSends <em>Sends</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Sends</em>'.
	 * @see org.mixtree.model.Channel#getSends()
	 * @see #getChannel()
	 * @generated
	 */
	EReference getChannel_Sends();

	/**
	 * Returns the meta object for class '{@link org.mixtree.model.Track <em>Track</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Track</em>'.
	 * @see org.mixtree.model.Track
	 * @generated
	 */
	EClass getTrack();

	/**
	 * Returns the meta object for the attribute '{@link org.mixtree.model.Track#getSource <em>Source</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Source</em>'.
	 * @see org.mixtree.model.Track#getSource()
	 * @see #getTrack()
	 * @generated
	 */
	EAttribute getTrack_Source();

	/**
	 * Returns the meta object for the attribute '{@link org.mixtree.model.Track#getClipGainDb <em>Clip Gain Db</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Clip Gain Db</em>'.
	 * @see org.mixtree.model.Track#getClipGainDb()
	 * @see #getTrack()
	 * @generated
	 */
	EAttribute getTrack_ClipGainDb();

	/**
	 * Returns the meta object for the attribute '{@link org.mixtree.model.Track#getOffsetFrames <em>Offset Frames</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Offset Frames</em>'.
	 * @see org.mixtree.model.Track#getOffsetFrames()
	 * @see #getTrack()
	 * @generated
	 */
	EAttribute getTrack_OffsetFrames();

	/**
	 * Returns the meta object for the attribute '{@link org.mixtree.model.Track#getSourceFrames <em>Source Frames</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Source Frames</em>'.
	 * @see org.mixtree.model.Track#getSourceFrames()
	 * @see #getTrack()
	 * @generated
	 */
	EAttribute getTrack_SourceFrames();

	/**
	 * Returns the meta object for the attribute '{@link org.mixtree.model.Track#getSourceRate <em>Source Rate</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Source Rate</em>'.
	 * @see org.mixtree.model.Track#getSourceRate()
	 * @see #getTrack()
	 * @generated
	 */
	EAttribute getTrack_SourceRate();

	/**
	 * Returns the meta object for the attribute '{@link org.mixtree.model.Track#getSourceChannels <em>Source Channels</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Source Channels</em>'.
	 * @see org.mixtree.model.Track#getSourceChannels()
	 * @see #getTrack()
	 * @generated
	 */
	EAttribute getTrack_SourceChannels();

	/**
	 * Returns the meta object for class '{@link org.mixtree.model.Bus <em>Bus</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Bus</em>'.
	 * @see org.mixtree.model.Bus
	 * @generated
	 */
	EClass getBus();

	/**
	 * Returns the meta object for the attribute '{@link org.mixtree.model.Bus#isSoloSafe <em>Solo Safe</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Solo Safe</em>'.
	 * @see org.mixtree.model.Bus#isSoloSafe()
	 * @see #getBus()
	 * @generated
	 */
	EAttribute getBus_SoloSafe();

	/**
	 * Returns the meta object for class '{@link org.mixtree.model.Insert <em>Insert</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Insert</em>'.
	 * @see org.mixtree.model.Insert
	 * @generated
	 */
	EClass getInsert();

	/**
	 * Returns the meta object for the attribute '{@link org.mixtree.model.Insert#getEffectId <em>Effect Id</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Effect Id</em>'.
	 * @see org.mixtree.model.Insert#getEffectId()
	 * @see #getInsert()
	 * @generated
	 */
	EAttribute getInsert_EffectId();

	/**
	 * Returns the meta object for the attribute '{@link org.mixtree.model.Insert#isBypass <em>Bypass</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Bypass</em>'.
	 * @see org.mixtree.model.Insert#isBypass()
	 * @see #getInsert()
	 * @generated
	 */
	EAttribute getInsert_Bypass();

	/**
	 * Returns the meta object for the containment reference list '{@link org.mixtree.model.Insert#getParameters <em>Parameters</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Parameters</em>'.
	 * @see org.mixtree.model.Insert#getParameters()
	 * @see #getInsert()
	 * @generated
	 */
	EReference getInsert_Parameters();

	/**
	 * Returns the meta object for the containment reference list '{@link org.mixtree.model.Insert#getFiles <em>Files</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Files</em>'.
	 * @see org.mixtree.model.Insert#getFiles()
	 * @see #getInsert()
	 * @generated
	 */
	EReference getInsert_Files();

	/**
	 * Returns the meta object for the attribute '{@link org.mixtree.model.Insert#getState <em>State</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>State</em>'.
	 * @see org.mixtree.model.Insert#getState()
	 * @see #getInsert()
	 * @generated
	 */
	EAttribute getInsert_State();

	/**
	 * Returns the meta object for the reference '{@link org.mixtree.model.Insert#getSidechain <em>Sidechain</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the reference '<em>Sidechain</em>'.
	 * @see org.mixtree.model.Insert#getSidechain()
	 * @see #getInsert()
	 * @generated
	 */
	EReference getInsert_Sidechain();

	/**
	 * Returns the meta object for class '{@link org.mixtree.model.ParameterValue <em>Parameter Value</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Parameter Value</em>'.
	 * @see org.mixtree.model.ParameterValue
	 * @generated
	 */
	EClass getParameterValue();

	/**
	 * Returns the meta object for the attribute '{@link org.mixtree.model.ParameterValue#getId <em>Id</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Id</em>'.
	 * @see org.mixtree.model.ParameterValue#getId()
	 * @see #getParameterValue()
	 * @generated
	 */
	EAttribute getParameterValue_Id();

	/**
	 * Returns the meta object for the attribute '{@link org.mixtree.model.ParameterValue#getValue <em>Value</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Value</em>'.
	 * @see org.mixtree.model.ParameterValue#getValue()
	 * @see #getParameterValue()
	 * @generated
	 */
	EAttribute getParameterValue_Value();

	/**
	 * Returns the meta object for class '{@link org.mixtree.model.FileValue <em>File Value</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>File Value</em>'.
	 * @see org.mixtree.model.FileValue
	 * @generated
	 */
	EClass getFileValue();

	/**
	 * Returns the meta object for the attribute '{@link org.mixtree.model.FileValue#getId <em>Id</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Id</em>'.
	 * @see org.mixtree.model.FileValue#getId()
	 * @see #getFileValue()
	 * @generated
	 */
	EAttribute getFileValue_Id();

	/**
	 * Returns the meta object for the attribute '{@link org.mixtree.model.FileValue#getPath <em>Path</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Path</em>'.
	 * @see org.mixtree.model.FileValue#getPath()
	 * @see #getFileValue()
	 * @generated
	 */
	EAttribute getFileValue_Path();

	/**
	 * Returns the meta object for class '{@link org.mixtree.model.Send <em>Send</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Send</em>'.
	 * @see org.mixtree.model.Send
	 * @generated
	 */
	EClass getSend();

	/**
	 * Returns the meta object for the reference '{@link org.mixtree.model.Send#getTarget <em>Target</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the reference '<em>Target</em>'.
	 * @see org.mixtree.model.Send#getTarget()
	 * @see #getSend()
	 * @generated
	 */
	EReference getSend_Target();

	/**
	 * Returns the meta object for the attribute '{@link org.mixtree.model.Send#getLevelDb <em>Level Db</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Level Db</em>'.
	 * @see org.mixtree.model.Send#getLevelDb()
	 * @see #getSend()
	 * @generated
	 */
	EAttribute getSend_LevelDb();

	/**
	 * Returns the meta object for the attribute '{@link org.mixtree.model.Send#isPreFader <em>Pre Fader</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Pre Fader</em>'.
	 * @see org.mixtree.model.Send#isPreFader()
	 * @see #getSend()
	 * @generated
	 */
	EAttribute getSend_PreFader();

	/**
	 * Returns the meta object for class '{@link org.mixtree.model.Snapshot <em>Snapshot</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Snapshot</em>'.
	 * @see org.mixtree.model.Snapshot
	 * @generated
	 */
	EClass getSnapshot();

	/**
	 * Returns the meta object for the attribute '{@link org.mixtree.model.Snapshot#getName <em>Name</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Name</em>'.
	 * @see org.mixtree.model.Snapshot#getName()
	 * @see #getSnapshot()
	 * @generated
	 */
	EAttribute getSnapshot_Name();

	/**
	 * Returns the meta object for the attribute '{@link org.mixtree.model.Snapshot#getValues <em>Values</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Values</em>'.
	 * @see org.mixtree.model.Snapshot#getValues()
	 * @see #getSnapshot()
	 * @generated
	 */
	EAttribute getSnapshot_Values();

	/**
	 * Returns the meta object for enum '{@link org.mixtree.model.PanLaw <em>Pan Law</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for enum '<em>Pan Law</em>'.
	 * @see org.mixtree.model.PanLaw
	 * @generated
	 */
	EEnum getPanLaw();

	/**
	 * Returns the meta object for enum '{@link org.mixtree.model.MixStage <em>Mix Stage</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for enum '<em>Mix Stage</em>'.
	 * @see org.mixtree.model.MixStage
	 * @generated
	 */
	EEnum getMixStage();

	/**
	 * Returns the factory that creates the instances of the model.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the factory that creates the instances of the model.
	 * @generated
	 */
	MixtreeFactory getMixtreeFactory();

	/**
	 * <!-- begin-user-doc -->
	 * Defines literals for the meta objects that represent
	 * <ul>
	 *   <li>each class,</li>
	 *   <li>each feature of each class,</li>
	 *   <li>each operation of each class,</li>
	 *   <li>each enum,</li>
	 *   <li>and each data type</li>
	 * </ul>
	 * <!-- end-user-doc -->
	 * @generated
	 */
	interface Literals {
		/**
		 * The meta object literal for the '{@link org.mixtree.model.impl.SessionImpl <em>Session</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.mixtree.model.impl.SessionImpl
		 * @see org.mixtree.model.impl.MixtreePackageImpl#getSession()
		 * @generated
		 */
		EClass SESSION = eINSTANCE.getSession();

		/**
		 * The meta object literal for the '<em><b>Name</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute SESSION__NAME = eINSTANCE.getSession_Name();

		/**
		 * The meta object literal for the '<em><b>Sample Rate</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute SESSION__SAMPLE_RATE = eINSTANCE.getSession_SampleRate();

		/**
		 * The meta object literal for the '<em><b>Pan Law</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute SESSION__PAN_LAW = eINSTANCE.getSession_PanLaw();

		/**
		 * The meta object literal for the '<em><b>Mix Stage</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute SESSION__MIX_STAGE = eINSTANCE.getSession_MixStage();

		/**
		 * The meta object literal for the '<em><b>Headroom Db</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute SESSION__HEADROOM_DB = eINSTANCE.getSession_HeadroomDb();

		/**
		 * The meta object literal for the '<em><b>Tracks</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference SESSION__TRACKS = eINSTANCE.getSession_Tracks();

		/**
		 * The meta object literal for the '<em><b>Buses</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference SESSION__BUSES = eINSTANCE.getSession_Buses();

		/**
		 * The meta object literal for the '<em><b>Master</b></em>' containment reference feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference SESSION__MASTER = eINSTANCE.getSession_Master();

		/**
		 * The meta object literal for the '<em><b>Snapshots</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference SESSION__SNAPSHOTS = eINSTANCE.getSession_Snapshots();

		/**
		 * The meta object literal for the '<em><b>Focus</b></em>' reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference SESSION__FOCUS = eINSTANCE.getSession_Focus();

		/**
		 * The meta object literal for the '{@link org.mixtree.model.impl.ChannelImpl <em>Channel</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.mixtree.model.impl.ChannelImpl
		 * @see org.mixtree.model.impl.MixtreePackageImpl#getChannel()
		 * @generated
		 */
		EClass CHANNEL = eINSTANCE.getChannel();

		/**
		 * The meta object literal for the '<em><b>Name</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute CHANNEL__NAME = eINSTANCE.getChannel_Name();

		/**
		 * The meta object literal for the '<em><b>Address</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute CHANNEL__ADDRESS = eINSTANCE.getChannel_Address();

		/**
		 * The meta object literal for the '<em><b>Gain Db</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute CHANNEL__GAIN_DB = eINSTANCE.getChannel_GainDb();

		/**
		 * The meta object literal for the '<em><b>Pan</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute CHANNEL__PAN = eINSTANCE.getChannel_Pan();

		/**
		 * The meta object literal for the '<em><b>Mute</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute CHANNEL__MUTE = eINSTANCE.getChannel_Mute();

		/**
		 * The meta object literal for the '<em><b>Solo</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute CHANNEL__SOLO = eINSTANCE.getChannel_Solo();

		/**
		 * The meta object literal for the '<em><b>Polarity Inverted</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute CHANNEL__POLARITY_INVERTED = eINSTANCE.getChannel_PolarityInverted();

		/**
		 * The meta object literal for the '<em><b>Output</b></em>' reference feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference CHANNEL__OUTPUT = eINSTANCE.getChannel_Output();

		/**
		 * The meta object literal for the '<em><b>Inserts</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference CHANNEL__INSERTS = eINSTANCE.getChannel_Inserts();

		/**
		 * The meta object literal for the '<em><b>Sends</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference CHANNEL__SENDS = eINSTANCE.getChannel_Sends();

		/**
		 * The meta object literal for the '{@link org.mixtree.model.impl.TrackImpl <em>Track</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.mixtree.model.impl.TrackImpl
		 * @see org.mixtree.model.impl.MixtreePackageImpl#getTrack()
		 * @generated
		 */
		EClass TRACK = eINSTANCE.getTrack();

		/**
		 * The meta object literal for the '<em><b>Source</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute TRACK__SOURCE = eINSTANCE.getTrack_Source();

		/**
		 * The meta object literal for the '<em><b>Clip Gain Db</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute TRACK__CLIP_GAIN_DB = eINSTANCE.getTrack_ClipGainDb();

		/**
		 * The meta object literal for the '<em><b>Offset Frames</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute TRACK__OFFSET_FRAMES = eINSTANCE.getTrack_OffsetFrames();

		/**
		 * The meta object literal for the '<em><b>Source Frames</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute TRACK__SOURCE_FRAMES = eINSTANCE.getTrack_SourceFrames();

		/**
		 * The meta object literal for the '<em><b>Source Rate</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute TRACK__SOURCE_RATE = eINSTANCE.getTrack_SourceRate();

		/**
		 * The meta object literal for the '<em><b>Source Channels</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute TRACK__SOURCE_CHANNELS = eINSTANCE.getTrack_SourceChannels();

		/**
		 * The meta object literal for the '{@link org.mixtree.model.impl.BusImpl <em>Bus</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.mixtree.model.impl.BusImpl
		 * @see org.mixtree.model.impl.MixtreePackageImpl#getBus()
		 * @generated
		 */
		EClass BUS = eINSTANCE.getBus();

		/**
		 * The meta object literal for the '<em><b>Solo Safe</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute BUS__SOLO_SAFE = eINSTANCE.getBus_SoloSafe();

		/**
		 * The meta object literal for the '{@link org.mixtree.model.impl.InsertImpl <em>Insert</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.mixtree.model.impl.InsertImpl
		 * @see org.mixtree.model.impl.MixtreePackageImpl#getInsert()
		 * @generated
		 */
		EClass INSERT = eINSTANCE.getInsert();

		/**
		 * The meta object literal for the '<em><b>Effect Id</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute INSERT__EFFECT_ID = eINSTANCE.getInsert_EffectId();

		/**
		 * The meta object literal for the '<em><b>Bypass</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute INSERT__BYPASS = eINSTANCE.getInsert_Bypass();

		/**
		 * The meta object literal for the '<em><b>Parameters</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference INSERT__PARAMETERS = eINSTANCE.getInsert_Parameters();

		/**
		 * The meta object literal for the '<em><b>Files</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference INSERT__FILES = eINSTANCE.getInsert_Files();

		/**
		 * The meta object literal for the '<em><b>State</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute INSERT__STATE = eINSTANCE.getInsert_State();

		/**
		 * The meta object literal for the '<em><b>Sidechain</b></em>' reference feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference INSERT__SIDECHAIN = eINSTANCE.getInsert_Sidechain();

		/**
		 * The meta object literal for the '{@link org.mixtree.model.impl.ParameterValueImpl <em>Parameter Value</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.mixtree.model.impl.ParameterValueImpl
		 * @see org.mixtree.model.impl.MixtreePackageImpl#getParameterValue()
		 * @generated
		 */
		EClass PARAMETER_VALUE = eINSTANCE.getParameterValue();

		/**
		 * The meta object literal for the '<em><b>Id</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute PARAMETER_VALUE__ID = eINSTANCE.getParameterValue_Id();

		/**
		 * The meta object literal for the '<em><b>Value</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute PARAMETER_VALUE__VALUE = eINSTANCE.getParameterValue_Value();

		/**
		 * The meta object literal for the '{@link org.mixtree.model.impl.FileValueImpl <em>File Value</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.mixtree.model.impl.FileValueImpl
		 * @see org.mixtree.model.impl.MixtreePackageImpl#getFileValue()
		 * @generated
		 */
		EClass FILE_VALUE = eINSTANCE.getFileValue();

		/**
		 * The meta object literal for the '<em><b>Id</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute FILE_VALUE__ID = eINSTANCE.getFileValue_Id();

		/**
		 * The meta object literal for the '<em><b>Path</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute FILE_VALUE__PATH = eINSTANCE.getFileValue_Path();

		/**
		 * The meta object literal for the '{@link org.mixtree.model.impl.SendImpl <em>Send</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.mixtree.model.impl.SendImpl
		 * @see org.mixtree.model.impl.MixtreePackageImpl#getSend()
		 * @generated
		 */
		EClass SEND = eINSTANCE.getSend();

		/**
		 * The meta object literal for the '<em><b>Target</b></em>' reference feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference SEND__TARGET = eINSTANCE.getSend_Target();

		/**
		 * The meta object literal for the '<em><b>Level Db</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute SEND__LEVEL_DB = eINSTANCE.getSend_LevelDb();

		/**
		 * The meta object literal for the '<em><b>Pre Fader</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute SEND__PRE_FADER = eINSTANCE.getSend_PreFader();

		/**
		 * The meta object literal for the '{@link org.mixtree.model.impl.SnapshotImpl <em>Snapshot</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.mixtree.model.impl.SnapshotImpl
		 * @see org.mixtree.model.impl.MixtreePackageImpl#getSnapshot()
		 * @generated
		 */
		EClass SNAPSHOT = eINSTANCE.getSnapshot();

		/**
		 * The meta object literal for the '<em><b>Name</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute SNAPSHOT__NAME = eINSTANCE.getSnapshot_Name();

		/**
		 * The meta object literal for the '<em><b>Values</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute SNAPSHOT__VALUES = eINSTANCE.getSnapshot_Values();

		/**
		 * The meta object literal for the '{@link org.mixtree.model.PanLaw <em>Pan Law</em>}' enum.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.mixtree.model.PanLaw
		 * @see org.mixtree.model.impl.MixtreePackageImpl#getPanLaw()
		 * @generated
		 */
		EEnum PAN_LAW = eINSTANCE.getPanLaw();

		/**
		 * The meta object literal for the '{@link org.mixtree.model.MixStage <em>Mix Stage</em>}' enum.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.mixtree.model.MixStage
		 * @see org.mixtree.model.impl.MixtreePackageImpl#getMixStage()
		 * @generated
		 */
		EEnum MIX_STAGE = eINSTANCE.getMixStage();

	}

} //MixtreePackage
