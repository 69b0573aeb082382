package org.mixtree.dsp;

/**
 * Pan laws for a mono source panned into stereo, named by the attenuation at the centre. With
 * {@code th = (p + 1) * pi / 4}, p in [-1, 1]:
 * <ul>
 * <li>{@link #MINUS_3_DB} constant power: {@code L = cos th, R = sin th} (the default)</li>
 * <li>{@link #MINUS_6_DB} linear: {@code L = (1 - p) / 2, R = (1 + p) / 2}</li>
 * <li>{@link #MINUS_4_5_DB} the geometric mean of the two above</li>
 * <li>{@link #ZERO_DB} no attenuation at the centre: {@code L = min(1, 1 - p), R = min(1, 1 + p)}</li>
 * </ul>
 * A stereo source and every bus use balance ({@link #balanceLeft}, {@link #balanceRight}) whatever the law.
 */
public enum PanLaw {
	ZERO_DB("0"), MINUS_3_DB("-3"), MINUS_4_5_DB("-4.5"), MINUS_6_DB("-6");

	private final String label;

	PanLaw(String label) {
		this.label = label;
	}

	/** @return the centre attenuation in dB as written in sessions and on the command line: 0, -3, -4.5, -6 */
	public String label() {
		return label;
	}

	/** @return the law whose label is {@code label}, or null */
	public static PanLaw byLabel(String label) {
		for (PanLaw law : values()) {
			if (law.label.equals(label)) {
				return law;
			}
		}
		return null;
	}

	/** @return the left gain of a mono source at pan {@code p} */
	public double left(double p) {
		return gain(-p);
	}

	/** @return the right gain of a mono source at pan {@code p} */
	public double right(double p) {
		return gain(p);
	}

	/** Gain of the side that {@code q} = +1 pans fully to (right for q = p, left for q = -p). */
	private double gain(double q) {
		double sinLaw = Math.sin((q + 1) * Math.PI / 4);
		double linear = (1 + q) / 2;
		switch (this) {
		case ZERO_DB:
			return Math.min(1.0, 1.0 + q);
		case MINUS_3_DB:
			return sinLaw;
		case MINUS_4_5_DB:
			return Math.sqrt(sinLaw * linear);
		case MINUS_6_DB:
		default:
			return linear;
		}
	}

	/** @return the balance gain of the left channel at {@code p}: {@code min(1, 1 - p)} */
	public static double balanceLeft(double p) {
		return Math.min(1.0, 1.0 - p);
	}

	/** @return the balance gain of the right channel at {@code p}: {@code min(1, 1 + p)} */
	public static double balanceRight(double p) {
		return Math.min(1.0, 1.0 + p);
	}
}
