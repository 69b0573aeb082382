package org.mixtree.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.mixtree.effects.api.EffectDescriptor;
import org.mixtree.effects.api.EffectFactory;
import org.mixtree.effects.api.EffectRegistry;
import org.mixtree.effects.api.FileParameter;
import org.mixtree.effects.api.ParameterDescriptor;
import org.mixtree.effects.api.Preset;
import org.mixtree.effects.api.Scale;

/**
 * {@code effects [--json]}: the effects this installation has, built-in and installed from update sites
 * alike, as the OSGi registry holds them, so a person (or a test) can see that {@code ./mixtree install}
 * worked. One line per effect and one per parameter; {@code --json} gives
 * {@code {"effects": [{"id", "name", "vendor", "version", "category", "parameters": [{"id", "unit", "min",
 * "max", "default"}], "presets": [{"name", "values": {ID: value}}]}]}}, sorted by id (a choice's value as its
 * label), then {@code "broken": [{"bundle", "version", "problem"}]}: effect bundles that are installed but
 * do not resolve or fail to start, one line each on stderr in the text form ({@code mixtree: broken effect
 * bundle ID VERSION: PROBLEM}). The other effects are listed either way.
 */
final class EffectsCli {

	private final PrintStream out;
	private final PrintStream err;

	EffectsCli(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	void effects(Args a) throws CliException {
		a.expectAtMost(0, "effects [--json]");
		List<EffectFactory> all = EffectRegistry.osgi().all();
		// after the registry asked for every effect service: a bundle that failed did so by now
		List<EffectRegistry.BrokenBundle> broken = EffectRegistry.brokenBundles();
		if (a.flag("--json")) {
			out.println(json(all, broken));
			return;
		}
		for (EffectRegistry.BrokenBundle b : broken) {
			err.println("mixtree: broken effect bundle " + b);
		}
		if (all.isEmpty()) {
			out.println("no effects installed");
			return;
		}
		for (EffectFactory f : all) {
			EffectDescriptor d = f.descriptor();
			out.println(d.id() + "  " + d.name() + "  (" + d.vendor() + " " + d.version() + ", " + d.category().id() + ")");
			int width = 0;
			for (ParameterDescriptor p : d.parameters()) {
				width = Math.max(width, p.id().length());
			}
			for (FileParameter file : d.files()) {
				width = Math.max(width, file.id().length());
			}
			for (ParameterDescriptor p : d.parameters()) {
				out.println(String.format(Locale.ROOT, "    %-" + width + "s  %s, default %s", p.id(), p.range(),
						p.format(p.defaultValue())));
			}
			for (FileParameter file : d.files()) {
				// a file the effect reads: given as id=PATH on insert add/set
				out.println(String.format(Locale.ROOT, "    %-" + width + "s  PATH: %s", file.id(), file.description()));
			}
			if (!d.presets().isEmpty()) {
				List<String> names = new ArrayList<>();
				d.presets().forEach(p -> names.add(p.name()));
				out.println("    presets (insert add ... --preset NAME): " + String.join(", ", names));
			}
		}
	}

	static String json(List<EffectFactory> all) {
		return json(all, List.of());
	}

	/** As {@link #json(List)}, with {@code "broken": [{"bundle", "version", "problem"}]} after the effects. */
	static String json(List<EffectFactory> all, List<EffectRegistry.BrokenBundle> broken) {
		Json j = new Json().beginObject().name("effects").beginArray();
		for (EffectFactory f : all) {
			EffectDescriptor d = f.descriptor();
			j.beginObject().name("id").value(d.id()).name("name").value(d.name()).name("vendor").value(d.vendor())
					.name("version").value(d.version()).name("category").value(d.category().id());
			j.name("parameters").beginArray();
			for (ParameterDescriptor p : d.parameters()) {
				j.beginObject().name("id").value(p.id()).name("unit").value(p.unit()).name("min").value(p.min())
						.name("max").value(p.max()).name("default").value(p.defaultValue()).endObject();
			}
			j.endArray();
			if (!d.files().isEmpty()) {
				j.name("files").beginArray();
				for (FileParameter file : d.files()) {
					j.beginObject().name("id").value(file.id()).name("name").value(file.name()).name("description")
							.value(file.description()).endObject();
				}
				j.endArray();
			}
			j.name("presets").beginArray();
			for (Preset preset : d.presets()) {
				j.beginObject().name("name").value(preset.name()).name("values").beginObject();
				for (ParameterDescriptor p : d.parameters()) {
					Double v = preset.values().get(p.id());
					if (v != null) {
						j.name(p.id());
						if (p.scale() == Scale.ENUM) {
							j.value(p.format(v));
						} else {
							j.value(v);
						}
					}
				}
				j.endObject().endObject();
			}
			j.endArray().endObject();
		}
		j.endArray().name("broken").beginArray();
		for (EffectRegistry.BrokenBundle b : broken) {
			j.beginObject().name("bundle").value(b.bundle()).name("version").value(b.version()).name("problem")
					.value(b.problem()).endObject();
		}
		return j.endArray().endObject().toString();
	}
}
