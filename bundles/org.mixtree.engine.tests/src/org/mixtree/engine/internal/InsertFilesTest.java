package org.mixtree.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixtree.dsp.PanLaw;
import org.mixtree.effects.api.Category;
import org.mixtree.effects.api.ChannelLayout;
import org.mixtree.effects.api.Effect;
import org.mixtree.effects.api.EffectDescriptor;
import org.mixtree.effects.api.EffectFactory;
import org.mixtree.effects.api.FileParameter;
import org.mixtree.effects.api.ParameterDescriptor;
import org.mixtree.effects.api.ProcessBlock;
import org.mixtree.effects.api.ProcessSetup;
import org.mixtree.engine.Engine;
import org.mixtree.engine.GraphDescription.Insert;

/**
 * Files of inserts ({@code Effect#setFile}): the engine gives them to a fresh processor before it is prepared, a
 * rebuild with the same files keeps the processor, a rebuild with other files makes a fresh one (the playing one
 * is not touched), and a file that cannot be loaded or a file step with no file is a warning naming the insert.
 * The effect here reads a gain written as text in its file: the output says which file it plays.
 */
class InsertFilesTest {

	@TempDir
	Path dir;

	/** {@code source} = unity | file; with {@code file}, the output is the input times the number in {@code gainfile}. */
	static final class FileGain implements Effect {
		static final EffectDescriptor D = new EffectDescriptor("test.filegain", "File gain", "test", "1",
				Category.UTILITY, Set.of(ChannelLayout.MONO, ChannelLayout.STEREO), false,
				List.of(ParameterDescriptor.choice("source", "Source", 0, "unity", "file")), List.of(),
				List.of(new FileParameter("gainfile", "Gain file", "a number as text", "source", 1)));
		double source;
		Path file;
		double fileGain = 1;
		boolean prepared;
		/** whether each setFile came before prepare, and its thread */
		final List<String> calls = new java.util.ArrayList<>();

		@Override
		public EffectDescriptor descriptor() {
			return D;
		}

		@Override
		public void setFile(String id, Path f) {
			calls.add((prepared ? "after" : "before") + " prepare on " + Thread.currentThread().getName());
			try {
				fileGain = Double.parseDouble(Files.readString(f).strip());
			} catch (IOException | NumberFormatException e) {
				throw new IllegalArgumentException(f + ": not a gain file");
			}
			file = f;
		}

		@Override
		public Path getFile(String id) {
			return file;
		}

		@Override
		public void prepare(ProcessSetup setup) {
			prepared = true;
		}

		@Override
		public void setParameter(int index, double value) {
			source = value;
		}

		@Override
		public double getParameter(int index) {
			return source;
		}

		@Override
		public void process(ProcessBlock block) {
			float g = (float) (source == 1 ? fileGain : 1);
			for (float[] c : block.audio()) {
				for (int i = 0; i < block.frames(); i++) {
					c[block.offset() + i] *= g;
				}
			}
		}

		@Override
		public void reset() {
		}

		@Override
		public int latencySamples() {
			return 0;
		}

		@Override
		public long tailSamples() {
			return 0;
		}

		@Override
		public byte[] saveState() {
			return new byte[0];
		}

		@Override
		public void loadState(byte[] state) {
		}
	}

	static final EffectFactory FACTORY = new EffectFactory() {
		@Override
		public EffectDescriptor descriptor() {
			return FileGain.D;
		}

		@Override
		public Effect create() {
			return new FileGain();
		}
	};

	private static Insert insert(Map<String, Path> files) {
		return Insert.of(FACTORY, Map.of("source", 1.0)).withFiles(files);
	}

	@Test
	void filesAreLoadedBeforePrepareAndARebuildWithOtherFilesMakesAFreshProcessor() throws Exception {
		Path half = Files.writeString(dir.resolve("half.txt"), "0.5");
		Path quarter = Files.writeString(dir.resolve("quarter.txt"), "0.25");
		Mix mix = new Mix(PanLaw.MINUS_3_DB, 48000);
		float[][] dc = Mix.dc(0.8f, 0.8f, 480);
		mix.bus("master", null).track("t", "master", dc);
		mix.edit("t", c -> c.withInserts(List.of(insert(Map.of("gainfile", half)))));
		CompiledPlan first = mix.plan();
		int node = first.node("t");
		FileGain played = (FileGain) first.processors[node][0].effect;
		assertEquals(List.of("before prepare on " + Thread.currentThread().getName()), played.calls);
		assertEquals(0.4f, mix.render(first, 64, 1, first.master)[0][100], 1e-7f, "0.8 x the file's 0.5");
		assertTrue(first.warnings().isEmpty(), first.warnings().toString());

		CompiledPlan same = (CompiledPlan) Engine.compile(mix.description(), first);
		assertSame(played, same.processors[node][0].effect, "the same files keep the processor");
		assertEquals(1, played.calls.size(), "and do not load again");

		mix.edit("t", c -> c.withInserts(List.of(insert(Map.of("gainfile", quarter)))));
		CompiledPlan other = (CompiledPlan) Engine.compile(mix.description(), same);
		FileGain fresh = (FileGain) other.processors[node][0].effect;
		assertNotSame(played, fresh);
		assertEquals(half, played.file, "the playing processor is untouched");
		assertEquals(List.of("before prepare on " + Thread.currentThread().getName()), fresh.calls);
		assertEquals(0.2f, mix.render(other, 64, 1, other.master)[0][100], 1e-7f, "0.8 x the file's 0.25");
	}

	@Test
	void aFileThatCannotBeLoadedAndAFileStepWithNoFileAreWarnings() throws Exception {
		Mix mix = new Mix(PanLaw.MINUS_3_DB, 48000);
		mix.bus("master", null).track("t", "master", Mix.dc(0.8f, 0.8f, 480));
		Path missing = dir.resolve("gone.txt");
		mix.edit("t", c -> c.withInserts(List.of(insert(Map.of("gainfile", missing)))));
		List<String> warnings = mix.plan().warnings();
		assertEquals(List.of("track:t slot 1 (test.filegain): gainfile not loaded (" + missing + ": not a gain file)",
				"track:t slot 1 (test.filegain): source=file with no gainfile loaded; the effect plays no gain file"),
				warnings);
		mix.edit("t", c -> c.withInserts(List.of(insert(Map.of()))));
		assertEquals(List.of("track:t slot 1 (test.filegain): source=file with no gainfile loaded; the effect plays no gain file"),
				mix.plan().warnings());
		mix.edit("t", c -> c.withInserts(List.of(Insert.of(FACTORY, Map.of()))));
		assertTrue(mix.plan().warnings().isEmpty(), "no file and source=unity: nothing to say");
		assertNull(new FileGain().getFile("gainfile"));
		assertFalse(FileGain.D.files().isEmpty());
	}
}
