/**
 * Mixtree. Generated from model/mixtree.genmodel: do not edit; regenerate (see README.md).
 */
package org.mixtree.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.eclipse.emf.common.util.Enumerator;

/**
 * <!-- begin-user-doc -->
 * A representation of the literals of the enumeration '<em><b>Pan Law</b></em>',
 * and utility methods for working with them.
 * <!-- end-user-doc -->
 * @see org.mixtree.model.MixtreePackage#getPanLaw()
 * @model
 * @generated
 */
public enum PanLaw implements Enumerator {
	/**
	 * The '<em><b>ZERO</b></em>' literal object.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #ZERO_VALUE
	 * @generated
	 * @ordered
	 */
	ZERO(0, "ZERO", "ZERO"),

	/**
	 * The '<em><b>MINUS 3</b></em>' literal object.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #MINUS_3_VALUE
	 * @generated
	 * @ordered
	 */
	MINUS_3(1, "MINUS_3", "MINUS_3"),

	/**
	 * The '<em><b>MINUS 45</b></em>' literal object.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #MINUS_45_VALUE
	 * @generated
	 * @ordered
	 */
	MINUS_45(2, "MINUS_4_5", "MINUS_4_5"),

	/**
	 * The '<em><b>MINUS 6</b></em>' literal object.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #MINUS_6_VALUE
	 * @generated
	 * @ordered
	 */
	MINUS_6(3, "MINUS_6", "MINUS_6");

	/**
	 * The '<em><b>ZERO</b></em>' literal value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #ZERO
	 * @model
	 * @generated
	 * @ordered
	 */
	public static final int ZERO_VALUE = 0;

	/**
	 * The '<em><b>MINUS 3</b></em>' literal value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #MINUS_3
	 * @model
	 * @generated
	 * @ordered
	 */
	public static final int MINUS_3_VALUE = 1;

	/**
	 * The '<em><b>MINUS 45</b></em>' literal value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #MINUS_45
	 * @model name="MINUS_4_5"
	 * @generated
	 * @ordered
	 */
	public static final int MINUS_45_VALUE = 2;

	/**
	 * The '<em><b>MINUS 6</b></em>' literal value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #MINUS_6
	 * @model
	 * @generated
	 * @ordered
	 */
	public static final int MINUS_6_VALUE = 3;

	/**
	 * An array of all the '<em><b>Pan Law</b></em>' enumerators.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	private static final PanLaw[] VALUES_ARRAY =
		new PanLaw[] {
			ZERO,
			MINUS_3,
			MINUS_45,
			MINUS_6,
		};

	/**
	 * A public read-only list of all the '<em><b>Pan Law</b></em>' enumerators.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public static final List<PanLaw> VALUES = Collections.unmodifiableList(Arrays.asList(VALUES_ARRAY));

	/**
	 * Returns the '<em><b>Pan Law</b></em>' literal with the specified literal value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param literal the literal.
	 * @return the matching enumerator or <code>null</code>.
	 * @generated
	 */
	public static PanLaw get(String literal) {
		for (int i = 0; i < VALUES_ARRAY.length; ++i) {
			PanLaw result = VALUES_ARRAY[i];
			if (result.toString().equals(literal)) {
				return result;
			}
		}
		return null;
	}

	/**
	 * Returns the '<em><b>Pan Law</b></em>' literal with the specified name.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param name the name.
	 * @return the matching enumerator or <code>null</code>.
	 * @generated
	 */
	public static PanLaw getByName(String name) {
		for (int i = 0; i < VALUES_ARRAY.length; ++i) {
			PanLaw result = VALUES_ARRAY[i];
			if (result.getName().equals(name)) {
				return result;
			}
		}
		return null;
	}

	/**
	 * Returns the '<em><b>Pan Law</b></em>' literal with the specified integer value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the integer value.
	 * @return the matching enumerator or <code>null</code>.
	 * @generated
	 */
	public static PanLaw get(int value) {
		switch (value) {
			case ZERO_VALUE: return ZERO;
			case MINUS_3_VALUE: return MINUS_3;
			case MINUS_45_VALUE: return MINUS_45;
			case MINUS_6_VALUE: return MINUS_6;
		}
		return null;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	private final int value;

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	private final String name;

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	private final String literal;

	/**
	 * Only this class can construct instances.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	private PanLaw(int value, String name, String literal) {
		this.value = value;
		this.name = name;
		this.literal = literal;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getValue() {
	  return value;
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
	public String getLiteral() {
	  return literal;
	}

	/**
	 * Returns the literal value of the enumerator, which is its string representation.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String toString() {
		return literal;
	}
	
} //PanLaw
