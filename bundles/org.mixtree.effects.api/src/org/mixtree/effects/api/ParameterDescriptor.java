package org.mixtree.effects.api;

import java.util.List;
import java.util.Locale;

/**
 * One automatable parameter of an effect. The id is stable across versions of the effect: sessions store
 * values by id. Values are plain numbers in the parameter's own unit (Hz, dB, ms, %, a ratio); an
 * {@link Scale#ENUM} value is the index into {@link #steps()}, a {@link Scale#BOOLEAN} is 0 or 1.
 *
 * @param id           stable id, e.g. {@code "threshold"} or {@code "b1.freq"}
 * @param name         the name a person reads
 * @param unit         unit shown after the value: "dB", "Hz", "ms", "%", "" (none)
 * @param min          smallest value
 * @param max          largest value
 * @param defaultValue value of a new instance
 * @param scale        how the range is laid out and smoothed
 * @param steps        labels of the values of an {@link Scale#ENUM} parameter (min 0, max steps-1); else empty
 */
public record ParameterDescriptor(String id, String name, String unit, double min, double max, double defaultValue,
		Scale scale, List<String> steps) {

	public ParameterDescriptor {
		steps = List.copyOf(steps);
		if (!(min <= defaultValue && defaultValue <= max)) {
			throw new IllegalArgumentException(id + ": default " + defaultValue + " outside [" + min + ", " + max + "]");
		}
		if (scale == Scale.ENUM && (steps.isEmpty() || min != 0 || max != steps.size() - 1)) {
			throw new IllegalArgumentException(id + ": an enum parameter has steps 0.." + (steps.size() - 1));
		}
		if (scale == Scale.LOGARITHMIC && min <= 0) {
			throw new IllegalArgumentException(id + ": a logarithmic parameter needs min > 0");
		}
	}

	/** A continuous parameter. */
	public static ParameterDescriptor of(String id, String name, String unit, double min, double max, double defaultValue,
			Scale scale) {
		return new ParameterDescriptor(id, name, unit, min, max, defaultValue, scale, List.of());
	}

	/** An enum parameter whose default is the step {@code defaultStep}. */
	public static ParameterDescriptor choice(String id, String name, int defaultStep, String... steps) {
		return new ParameterDescriptor(id, name, "", 0, steps.length - 1, defaultStep, Scale.ENUM, List.of(steps));
	}

	/** An on/off parameter. */
	public static ParameterDescriptor toggle(String id, String name, boolean defaultOn) {
		return new ParameterDescriptor(id, name, "", 0, 1, defaultOn ? 1 : 0, Scale.BOOLEAN, List.of());
	}

	/** @return whether {@code value} is a legal value (in range; a whole step for enums and toggles) */
	public boolean accepts(double value) {
		if (Double.isNaN(value) || value < min || value > max) {
			return false;
		}
		return !(scale == Scale.ENUM || scale == Scale.BOOLEAN) || value == Math.rint(value);
	}

	/** @return the value as a person reads it: {@code "-18.0 dB"}, {@code "peak"}, {@code "on"} */
	public String format(double value) {
		switch (scale) {
		case ENUM:
			int i = (int) Math.rint(value);
			return i >= 0 && i < steps.size() ? steps.get(i) : String.valueOf(value);
		case BOOLEAN:
			return value >= 0.5 ? "on" : "off";
		default:
			String number = Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%.0f", value)
					: String.format(Locale.ROOT, "%.2f", value);
			return unit.isEmpty() ? number : number + " " + unit;
		}
	}

	/**
	 * Reads a value as a person or the command line writes it: a number with or without its unit and the
	 * prefixes people use ({@code 8k}, {@code 8kHz}, {@code 0.5s} for a time in ms: see {@link ValueText}), an
	 * enum step's label (or its index), or true/false/on/off for toggles.
	 *
	 * @throws IllegalArgumentException with a one-line message naming the parameter and the text, when the text
	 *                                  is not a value of this parameter or is out of range
	 */
	public double parse(String text) {
		String t = text.trim();
		if (scale == Scale.ENUM) {
			for (int i = 0; i < steps.size(); i++) {
				if (steps.get(i).equalsIgnoreCase(t)) {
					return i;
				}
			}
		}
		if (scale == Scale.BOOLEAN) {
			switch (t.toLowerCase(Locale.ROOT)) {
			case "true", "on", "yes", "1":
				return 1;
			case "false", "off", "no", "0":
				return 0;
			default:
				throw new IllegalArgumentException(id + ": '" + text + "' is not true or false");
			}
		}
		double v;
		try {
			v = scale == Scale.ENUM ? enumIndex(t) : ValueText.parse(t, unit);
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException(id + ": " + (scale == Scale.ENUM
					? "'" + text + "' is not one of " + String.join(", ", steps)
					: e.getMessage()));
		}
		if (!accepts(v)) {
			throw new IllegalArgumentException(id + ": " + text + " is outside " + range());
		}
		return v;
	}

	/** An enum step given by its index, as sessions store it ({@code 4} for the fifth label). */
	private static double enumIndex(String t) {
		double v = Double.parseDouble(t);
		if (!Double.isFinite(v)) {
			throw new NumberFormatException(t);
		}
		return v;
	}

	/** @return the legal values as a person reads them, e.g. {@code [-60, 0] dB} or {@code peak|rms} */
	public String range() {
		if (scale == Scale.ENUM) {
			return String.join("|", steps);
		}
		if (scale == Scale.BOOLEAN) {
			return "true|false";
		}
		return "[" + fmt(min) + ", " + fmt(max) + "]" + (unit.isEmpty() ? "" : " " + unit);
	}

	private static String fmt(double v) {
		return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
	}
}
