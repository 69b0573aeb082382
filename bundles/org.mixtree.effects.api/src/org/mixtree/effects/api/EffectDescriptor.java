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
 */
public record EffectDescriptor(String id, String name, String vendor, String version, Category category,
		Set<ChannelLayout> layouts, boolean sidechain, List<ParameterDescriptor> parameters, List<Preset> presets) {

	public EffectDescriptor {
		layouts = Set.copyOf(layouts);
		parameters = List.copyOf(parameters);
		presets = List.copyOf(presets);
		for (int i = 0; i < parameters.size(); i++) {
			for (int j = 0; j < i; j++) {
				if (parameters.get(i).id().equals(parameters.get(j).id())) {
					throw new IllegalArgumentException(id + ": parameter id " + parameters.get(i).id() + " used twice");
				}
			}
		}
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
