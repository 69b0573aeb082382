package org.mixtree.effects.api;

/**
 * A file an effect reads, such as a reverb's impulse response: declared in {@link EffectDescriptor#files()},
 * given to a processor with {@link Effect#setFile}. The host stores the path with the session (relative to the
 * session file, so a session folder can move) and never writes over it. Immutable.
 * <p>
 * A file may be tied to one step of an enum parameter (the reverb's {@code ir = file}): that step plays the
 * file, so the host moves the parameter there when a file is given and refuses to leave it there without one.
 *
 * @param id          stable id, unique among the effect's parameters and files; sessions and the command line
 *                    use it ({@code irfile=halls/church.wav})
 * @param name        the name a person reads
 * @param description one line on what the file is and which formats the effect reads
 * @param choice      id of the enum parameter whose step {@code step} plays the file, or null when no parameter
 *                    depends on it
 * @param step        that step (ignored when {@code choice} is null; -1 by convention)
 * @since 1.1
 */
public record FileParameter(String id, String name, String description, String choice, int step) {

	public FileParameter {
		if (id == null || id.isBlank()) {
			throw new IllegalArgumentException("a file parameter needs an id");
		}
		if (choice == null) {
			step = -1;
		} else if (step < 0) {
			throw new IllegalArgumentException(id + ": step " + step + " of " + choice + " is negative");
		}
	}

	/** A file no parameter depends on. */
	public FileParameter(String id, String name, String description) {
		this(id, name, description, null, -1);
	}

	/** @return whether step {@code value} of {@link #choice()} plays this file */
	public boolean selectedBy(double value) {
		return choice != null && Math.rint(value) == step;
	}
}
