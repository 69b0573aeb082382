package org.mixtree.effects.api;

import java.util.Map;

/** A factory preset: a name and the values it sets (parameters not named keep their defaults). */
public record Preset(String name, Map<String, Double> values) {
	public Preset {
		values = Map.copyOf(values);
	}
}
