package org.mixtree.effects.api;

import java.util.List;
import java.util.Set;

/**
 * What an effect is. Immutable.
 *
 * @param id         stable reverse-DNS id, e.g. {@code org.mixtree.eq}; sessions refer to effects by it
 * @param name       the name a person reads
 * @param vendor     who makes it
 * @param version    the effect's version, e.g. {@code 1.0.0}
 * @param category   kind of effect
 * @param layouts    channel layouts it processes (input layout = output layout)
 * @param sidechain  whether it takes an optional sidechain input
 * @param parameters its parameters, in display order; ids unique
 * @param presets    factory presets the host lists
 * @param files      the files it reads ({@link Effect#setFile}), in display order; ids unique among parameters and
 *                   files; empty for most effects (since 1.1)
 */
public record EffectDescriptor(String id, String name, String vendor, String version, Category category,
		Set<ChannelLayout> layouts, boolean sidechain, List<ParameterDescriptor> parameters, List<Preset> presets,
		List<FileParameter> files) {

	public EffectDescriptor {
		layouts = Set.copyOf(layouts);
		parameters = List.copyOf(parameters);
		presets = List.copyOf(presets);
		files = files == null ? List.of() : List.copyOf(files);
		for (int i = 0; i < parameters.size(); i++) {
			for (int j = 0; j < i; j++) {
				if (parameters.get(i).id().equals(parameters.get(j).id())) {
					throw new IllegalArgumentException(id + ": parameter id " + parameters.get(i).id() + " used twice");
				}
			}
		}
		for (int i = 0; i < files.size(); i++) {
			FileParameter f = files.get(i);
			for (int j = 0; j < i; j++) {
				if (f.id().equals(files.get(j).id())) {
					throw new IllegalArgumentException(id + ": file id " + f.id() + " used twice");
				}
			}
			for (ParameterDescriptor p : parameters) {
				if (p.id().equals(f.id())) {
					throw new IllegalArgumentException(id + ": file id " + f.id() + " is also a parameter id");
				}
			}
			if (f.choice() != null) {
				ParameterDescriptor c = parameters.stream().filter(p -> p.id().equals(f.choice())).findFirst()
						.orElseThrow(() -> new IllegalArgumentException(id + ": file " + f.id() + " depends on "
								+ f.choice() + ", which is not a parameter"));
				if (c.scale() != Scale.ENUM || !c.accepts(f.step())) {
					throw new IllegalArgumentException(id + ": file " + f.id() + " depends on step " + f.step() + " of "
							+ f.choice() + ", which is not an enum step");
				}
			}
		}
	}

	/** An effect that reads no files (the form before files existed, kept for effects written against 1.0). */
	public EffectDescriptor(String id, String name, String vendor, String version, Category category,
			Set<ChannelLayout> layouts, boolean sidechain, List<ParameterDescriptor> parameters, List<Preset> presets) {
		this(id, name, vendor, version, category, layouts, sidechain, parameters, presets, List.of());
	}

	/** @return the file parameter {@code fileId}, or null when the effect reads no such file */
	public FileParameter file(String fileId) {
		for (FileParameter f : files) {
			if (f.id().equals(fileId)) {
				return f;
			}
		}
		return null;
	}

	/** @return the index of the parameter {@code id}, or -1 */
	public int indexOf(String parameterId) {
		for (int i = 0; i < parameters.size(); i++) {
			if (parameters.get(i).id().equals(parameterId)) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * @return the parameter {@code id}
	 * @throws IllegalArgumentException naming the effect, the id and the known ids when there is none
	 */
	public ParameterDescriptor parameter(String parameterId) {
		int i = indexOf(parameterId);
		if (i < 0) {
			StringBuilder known = new StringBuilder();
			for (ParameterDescriptor p : parameters) {
				known.append(known.length() == 0 ? "" : ", ").append(p.id());
			}
			throw new IllegalArgumentException(id + " has no parameter '" + parameterId + "' (parameters: " + known + ")");
		}
		return parameters.get(i);
	}
}
