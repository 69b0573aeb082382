package org.mixtree.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.mixtree.audio.io.AudioFiles;
import org.mixtree.effects.api.ChannelLayout;
import org.mixtree.effects.api.Effect;
import org.mixtree.effects.api.EffectDescriptor;
import org.mixtree.effects.api.EffectFactory;
import org.mixtree.effects.api.EffectRegistry;
import org.mixtree.effects.api.ParameterDescriptor;
import org.mixtree.effects.api.Preset;
import org.mixtree.effects.api.ProcessSetup;
import org.mixtree.effects.api.RenderMode;
import org.mixtree.model.Bus;
import org.mixtree.model.Channel;
import org.mixtree.model.Insert;
import org.mixtree.model.NearestNames;
import org.mixtree.model.ParameterValue;
import org.mixtree.model.Track;
import org.mixtree.model.persistence.SessionStore;

/**
 * The installed effects as the command line needs them. The model is effect-agnostic, so effect ids and
 * parameter values are checked here, against the registry, before a command is made; and what {@code info}
 * shows of an insert (name, effective parameters, latency) is read from the effect itself.
 */
final class EffectCatalog {

	/** Largest block {@code info} prepares an effect for; latency does not depend on it. */
	static final int INFO_BLOCK = 4096;

	private final EffectRegistry registry;

	EffectCatalog(EffectRegistry registry) {
		this.registry = registry;
	}

	/** @return the registry effects are found in (what the engine binding is given) */
	EffectRegistry registry() {
		return registry;
	}

	/** The effects of the running OSGi framework (none outside one). */
	static EffectCatalog osgi() {
		return new EffectCatalog(EffectRegistry.osgi());
	}

	Optional<EffectFactory> find(String id) {
		return id == null ? Optional.empty() : registry.find(id);
	}

	/**
	 * The effect a person names: its full id ({@code org.mixtree.eq}), or, when exactly one installed effect
	 * answers to it, the last part of its id ({@code eq}, {@code compressor}), its name ({@code "Tape
	 * Saturator"}) or the start of either ({@code comp}); case is ignored. A full id always wins.
	 *
	 * @throws CliException {@code unknown effect 'eqq'; did you mean eq (org.mixtree.eq)?}, or naming the effects
	 *                      a short id could mean
	 */
	EffectFactory require(String id) throws CliException {
		Optional<EffectFactory> f = find(id);
		if (f.isPresent()) {
			return f.get();
		}
		String typed = id.strip().toLowerCase(Locale.ROOT);
		List<EffectFactory> all = registry.all();
		// exact (ignoring case) beats a prefix: "eq" is org.mixtree.eq even if another id's last part starts with "eq"
		for (boolean prefix : new boolean[] { false, true }) {
			List<EffectFactory> matches = new ArrayList<>();
			for (EffectFactory e : all) {
				EffectDescriptor d = e.descriptor();
				for (String name : names(d)) {
					if (prefix ? typed.length() >= 2 && name.startsWith(typed) : name.equals(typed)) {
						matches.add(e);
						break;
					}
				}
			}
			if (matches.size() == 1) {
				return matches.get(0);
			}
			if (matches.size() > 1) {
				List<String> ids = new ArrayList<>();
				matches.forEach(e -> ids.add(e.descriptor().id()));
				throw new CliException("effect '" + id + "' could be " + String.join(" or ", ids) + ": give its full id");
			}
		}
		List<String> shortIds = new ArrayList<>();
		Map<String, String> full = new LinkedHashMap<>();
		for (EffectFactory e : all) {
			String s = shortId(e.descriptor().id());
			shortIds.add(s);
			full.put(s, e.descriptor().id());
		}
		List<String> near = NearestNames.of(typed.substring(typed.lastIndexOf('.') + 1), shortIds, 2);
		if (!near.isEmpty()) {
			List<String> said = new ArrayList<>();
			near.forEach(n -> said.add(n + " (" + full.get(n) + ")"));
			throw new CliException("unknown effect '" + id + "'; did you mean " + String.join(" or ", said) + "?");
		}
		throw new CliException("unknown effect '" + id + "' (installed: "
				+ (full.isEmpty() ? "none" : String.join(", ", full.values())) + ")");
	}

	/** The words an effect answers to, lower case: its full id, the last part of its id, its name. */
	private static List<String> names(EffectDescriptor d) {
		return List.of(d.id().toLowerCase(Locale.ROOT), shortId(d.id()).toLowerCase(Locale.ROOT),
				d.name().toLowerCase(Locale.ROOT));
	}

	/** {@code eq} for {@code org.mixtree.eq}: what a person types for an effect. */
	static String shortId(String id) {
		return id.substring(id.lastIndexOf('.') + 1);
	}

	/**
	 * The parameter a person named: its id, ignoring case.
	 *
	 * @throws CliException {@code org.mixtree.eq has no parameter 'band1.gain'; did you mean b1.gain?}, or listing
	 *                      the ids when none is close
	 */
	static ParameterDescriptor parameter(EffectDescriptor d, String typed) throws CliException {
		List<String> ids = new ArrayList<>();
		for (ParameterDescriptor p : d.parameters()) {
			if (p.id().equalsIgnoreCase(typed.strip())) {
				return p;
			}
			ids.add(p.id());
		}
		List<String> near = NearestNames.of(typed, ids, 3);
		throw new CliException(d.id() + " has no parameter '" + typed + "'"
				+ (near.isEmpty() ? " (parameters: " + String.join(", ", ids) + ")" : "; did you mean " + String.join(" or ", near) + "?"));
	}

	/**
	 * Reads {@code param=value} words against an effect's descriptor. The result follows the descriptor's
	 * parameter order, so that a session file lists them the same way whatever order they were typed in.
	 *
	 * @throws CliException naming the effect and the parameter, or the descriptor's one-line value message
	 */
	static Map<String, Double> parameters(EffectDescriptor d, Map<String, String> given) throws CliException {
		Map<String, Double> values = new LinkedHashMap<>();
		for (Map.Entry<String, String> e : given.entrySet()) {
			ParameterDescriptor p;
			p = parameter(d, e.getKey());
			try {
				values.put(p.id(), p.parse(e.getValue()));
			} catch (IllegalArgumentException x) {
				throw new CliException(d.id() + " " + x.getMessage());
			}
		}
		Map<String, Double> ordered = new LinkedHashMap<>();
		for (ParameterDescriptor p : d.parameters()) {
			if (values.containsKey(p.id())) {
				ordered.put(p.id(), values.get(p.id()));
			}
		}
		return ordered;
	}

	/**
	 * The effect's preset of that name, ignoring case.
	 *
	 * @throws CliException {@code org.mixtree.eq has no preset 'Drum bus'; did you mean Drums bus?} or listing them
	 */
	static Preset preset(EffectDescriptor d, String name) throws CliException {
		List<String> names = new ArrayList<>();
		String typed = name.strip().toLowerCase(Locale.ROOT);
		Preset byPrefix = null;
		int prefixes = 0;
		for (Preset p : d.presets()) {
			String lower = p.name().toLowerCase(Locale.ROOT);
			if (lower.equals(typed)) {
				return p;
			}
			// "drums" for "Drums bus": the first words of one preset's name, and of no other
			if (!typed.isEmpty() && lower.startsWith(typed)
					&& (lower.length() == typed.length() || !Character.isLetterOrDigit(lower.charAt(typed.length())))) {
				byPrefix = p;
				prefixes++;
			}
			names.add(p.name());
		}
		if (prefixes == 1) {
			return byPrefix;
		}
		if (names.isEmpty()) {
			throw new CliException(d.id() + " has no presets");
		}
		List<String> near = NearestNames.of(name, names, 2);
		throw new CliException(d.id() + " has no preset '" + name + "'"
				+ (near.isEmpty() ? " (presets: " + String.join(", ", names) + ")" : "; did you mean " + String.join(" or ", near) + "?"));
	}

	/** A preset's values with {@code given} on top, in the descriptor's parameter order. */
	static Map<String, Double> withPreset(EffectDescriptor d, Preset preset, Map<String, Double> given) {
		Map<String, Double> ordered = new LinkedHashMap<>();
		for (ParameterDescriptor p : d.parameters()) {
			if (given.containsKey(p.id())) {
				ordered.put(p.id(), given.get(p.id()));
			} else if (preset.values().containsKey(p.id())) {
				ordered.put(p.id(), preset.values().get(p.id()));
			}
		}
		return ordered;
	}

	/**
	 * The values an insert runs with: with the effect installed, every parameter of the effect (stored
	 * value, else the default), in the effect's order; without it, what the insert stores.
	 */
	Map<String, Double> effectiveParameters(Insert insert) {
		Map<String, Double> stored = new LinkedHashMap<>();
		for (ParameterValue p : insert.getParameters()) {
			stored.put(p.getId(), p.getValue());
		}
		Optional<EffectFactory> f = find(insert.getEffectId());
		if (f.isEmpty()) {
			return stored;
		}
		Map<String, Double> all = new LinkedHashMap<>();
		for (ParameterDescriptor p : f.get().descriptor().parameters()) {
			all.put(p.id(), stored.getOrDefault(p.id(), p.defaultValue()));
		}
		return all;
	}

	/**
	 * The insert's latency in samples, as the effect reports it once its parameters are set and it is
	 * prepared at the session's rate for the channel's layout; 0 when the effect is missing or fails.
	 */
	int latency(Insert insert, Channel channel, int sampleRate, Path sessionFile) {
		Optional<EffectFactory> f = find(insert.getEffectId());
		if (f.isEmpty() || sampleRate <= 0) {
			return 0;
		}
		EffectDescriptor d = f.get().descriptor();
		Effect effect = null;
		try {
			effect = f.get().create();
			for (ParameterValue p : insert.getParameters()) {
				int i = d.indexOf(p.getId());
				if (i >= 0 && d.parameters().get(i).accepts(p.getValue())) {
					effect.setParameter(i, p.getValue());
				}
			}
			effect.prepare(new ProcessSetup(sampleRate, INFO_BLOCK, layout(d, channel, sessionFile), 0, RenderMode.OFFLINE));
			return effect.latencySamples();
		} catch (RuntimeException e) {
			// the engine bypasses and reports a failing effect; info has nothing better to say than 0
			return 0;
		} finally {
			if (effect != null) {
				try {
					effect.release();
				} catch (RuntimeException e) {
					// released or not, this processor is dropped
				}
			}
		}
	}

	/** Buses are stereo; a track has its source's channels (stereo when the file cannot be read). */
	private static ChannelLayout layout(EffectDescriptor d, Channel channel, Path sessionFile) {
		ChannelLayout layout = ChannelLayout.STEREO;
		if (!(channel instanceof Bus) && channel instanceof Track track && track.getSource() != null && sessionFile != null) {
			try {
				layout = AudioFiles.info(SessionStore.resolveSource(track, sessionFile)).channels() == 1 ? ChannelLayout.MONO
						: ChannelLayout.STEREO;
			} catch (Exception e) {
				layout = ChannelLayout.STEREO;
			}
		}
		if (!d.layouts().contains(layout) && !d.layouts().isEmpty()) {
			layout = d.layouts().contains(ChannelLayout.STEREO) ? ChannelLayout.STEREO : ChannelLayout.MONO;
		}
		return layout;
	}

	/** The effect's name, or its id marked missing. */
	String label(Insert insert) {
		Optional<EffectFactory> f = find(insert.getEffectId());
		return f.isPresent() ? f.get().descriptor().name() : insert.getEffectId() + " (missing)";
	}
}
