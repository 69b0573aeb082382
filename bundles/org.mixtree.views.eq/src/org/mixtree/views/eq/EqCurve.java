package org.mixtree.views.eq;

import java.util.function.Function;

import org.mixtree.dsp.Biquad;
import org.mixtree.effects.api.ParameterDescriptor;
import org.mixtree.effects.builtin.eq.EqBands;
import org.mixtree.effects.builtin.eq.EqFactory;
import org.mixtree.views.spectrum.analysis.LogAxis;

/**
 * What the EQ editor draws, without SWT: the eight bands as the effect would run them and the response of each and
 * of the whole EQ. Each band's biquad is designed by {@link EqBands#design}, the code path the effect itself designs
 * its filters with, and the response is read from those coefficients ({@link Biquad#magnitudeDb}): the curve is the
 * filter's, not a second derivation of the cookbook. The whole EQ's response is the sum in dB of the active bands'
 * (biquads in series multiply) plus the output gain.
 * <p>
 * Immutable after construction; [any] thread.
 */
public final class EqCurve {

	/** One band's parameters as the editor shows them; {@code number} counts from 1. */
	public record Band(int number, int type, double freq, double gainDb, double q) {
		/** @return whether the band filters (is not off) */
		public boolean active() {
			return type != EqBands.OFF;
		}

		/** @return whether its gain acts (peak and shelves) */
		public boolean hasGain() {
			return EqBands.hasGain(type);
		}
	}

	private final double sampleRate;
	private final double outputDb;
	private final Band[] bands;
	private final Biquad[] filters;

	private EqCurve(double sampleRate, double outputDb, Band[] bands) {
		this.sampleRate = sampleRate;
		this.outputDb = outputDb;
		this.bands = bands;
		this.filters = new Biquad[bands.length];
		for (int i = 0; i < bands.length; i++) {
			Band b = bands[i];
			filters[i] = EqBands.design(new Biquad(), b.type(), sampleRate, b.freq(), b.gainDb(), b.q());
		}
	}

	/**
	 * The EQ of these parameter values at this sample rate.
	 *
	 * @param values a parameter's value by its id, or null for one not set (its descriptor's default is taken)
	 */
	public static EqCurve of(Function<String, Double> values, double sampleRate) {
		Band[] bands = new Band[EqBands.BANDS];
		for (int n = 1; n <= EqBands.BANDS; n++) {
			bands[n - 1] = new Band(n, (int) Math.round(value(values, EqBands.parameter(n, "type"))),
					value(values, EqBands.parameter(n, "freq")), value(values, EqBands.parameter(n, "gain")),
					value(values, EqBands.parameter(n, "q")));
		}
		return new EqCurve(sampleRate, value(values, "output"), bands);
	}

	private static double value(Function<String, Double> values, String id) {
		Double v = values.apply(id);
		if (v != null) {
			return v;
		}
		for (ParameterDescriptor p : EqFactory.DESCRIPTOR.parameters()) {
			if (p.id().equals(id)) {
				return p.defaultValue();
			}
		}
		throw new IllegalArgumentException("the EQ has no parameter " + id);
	}

	/** @return this EQ with band {@code band.number()} replaced (a handle being dragged) */
	public EqCurve with(Band band) {
		Band[] b = bands.clone();
		b[band.number() - 1] = band;
		return new EqCurve(sampleRate, outputDb, b);
	}

	public double sampleRate() {
		return sampleRate;
	}

	public double outputDb() {
		return outputDb;
	}

	/** @return band {@code number} (1 first) */
	public Band band(int number) {
		return bands[number - 1];
	}

	/** @return band {@code number}'s response at {@code hz}, dB (0 for a band that is off) */
	public double bandDb(int number, double hz) {
		return bands[number - 1].active() ? filters[number - 1].magnitudeDb(sampleRate, hz) : 0.0;
	}

	/** @return the whole EQ's response at {@code hz}: the active bands' responses summed in dB, plus the output gain */
	public double totalDb(double hz) {
		double db = outputDb;
		for (int i = 0; i < bands.length; i++) {
			if (bands[i].active()) {
				db += filters[i].magnitudeDb(sampleRate, hz);
			}
		}
		return db;
	}

	/**
	 * @return the frequency the curve is drawn at in pixel column {@code x} of a plot {@code width} pixels wide: the
	 *         column's centre on the 20 Hz - 20 kHz log axis
	 */
	public static double columnHz(int x, int width) {
		return LogAxis.frequency(x + 0.5, width);
	}

	/** @return {@link #totalDb} at each column of a plot {@code width} pixels wide: what the editor draws */
	public double[] columnsDb(int width) {
		double[] out = new double[width];
		for (int x = 0; x < width; x++) {
			out[x] = totalDb(columnHz(x, width));
		}
		return out;
	}

	/** @return {@link #bandDb} of band {@code number} at each column */
	public double[] bandColumnsDb(int number, int width) {
		double[] out = new double[width];
		for (int x = 0; x < width; x++) {
			out[x] = bandDb(number, columnHz(x, width));
		}
		return out;
	}
}
