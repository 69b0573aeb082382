package org.mixtree.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixtree.audio.io.AudioFileException;
import org.mixtree.audio.io.SampleFormat;
import org.mixtree.dsp.PanLaw;
import org.mixtree.engine.Engine;
import org.mixtree.engine.GraphDescription;
import org.mixtree.engine.GraphDescription.Channel;
import org.mixtree.engine.GraphDescription.Insert;
import org.mixtree.engine.GraphDescription.Kind;
import org.mixtree.engine.GraphDescription.Send;
import org.mixtree.engine.GraphDescription.Source;
import org.mixtree.engine.OutputGuard;
import org.mixtree.engine.Plan;
import org.mixtree.engine.RenderOptions;
import org.mixtree.engine.RenderResult;

/**
 * Stems by level ({@link StemLayout}) through real files: delay compensation keeps every stem aligned with the mix
 * when buses above the cut and the master carry latency (pure delays that report it), so the stems still sum to
 * the mix; the file list and its roles; names that collide.
 */
class StemLayoutTest {

	@TempDir
	Path dir;

	static Channel bus(String name, String output, double gain, double pan, Insert... inserts) {
		return new Channel(output == null ? "master" : "bus:" + name, name, Kind.BUS, null, gain, pan, false, false,
				false, output, List.of(inserts), List.of());
	}

	static Channel track(String name, String output, Path file, double gain, double pan) {
		return new Channel("track:" + name, name, Kind.TRACK, new Source(file, 0, 0), gain, pan, false, false, false,
				output);
	}

	static Insert delay(int samples) {
		return Insert.of(TestEffects.DELAY, Map.of("samples", (double) samples));
	}

	/** A{A1{t1}, A2{t2}, t3} with latency on A1 and A, B{t4} sending to R, t5 to the master; the master delays 11. */
	GraphDescription graph() throws Exception {
		Path src = Files.createDirectories(dir.resolve("src"));
		for (int i = 1; i <= 5; i++) {
			RenderFileTest.writeWav(src.resolve("t" + i + ".wav"), Mix.noise(i, i % 2 + 1, 9000), SampleFormat.F32);
		}
		Channel t4 = track("t4", "bus:B", src.resolve("t4.wav"), -2, 0.3).withSends(List.of(new Send("bus:R", -6, false)));
		return new GraphDescription(48000, PanLaw.MINUS_3_DB, List.of(bus("Master", null, -1, 0.2, delay(11)),
				bus("A", "master", -2, -0.3, delay(37)), bus("A1", "bus:A", 1, 0.4, delay(5)), bus("A2", "bus:A", -1, 0),
				bus("B", "master", -3, 0.1), bus("R", "master", -4, 0),
				track("t1", "bus:A1", src.resolve("t1.wav"), -1, -0.5), track("t2", "bus:A2", src.resolve("t2.wav"), 0, 0),
				track("t3", "bus:A", src.resolve("t3.wav"), -3, 0.7), t4,
				track("t5", "master", src.resolve("t5.wav"), -2, -0.1)));
	}

	static float[][] sum(List<Path> files) throws Exception {
		float[][] total = null;
		for (Path f : files) {
			float[][] x = RenderFileTest.readWav(f);
			if (total == null) {
				total = new float[2][x[0].length];
			}
			for (int c = 0; c < 2; c++) {
				for (int i = 0; i < x[c].length; i++) {
					total[c][i] += x[c][i];
				}
			}
		}
		return total;
	}

	@Test
	void stemsStayAlignedThroughLatencyAndSumToTheMix() throws Exception {
		Plan plan = Engine.compile(graph());
		Path mixFile = dir.resolve("mix.wav");
		Engine.render(plan, RenderOptions.of(mixFile, SampleFormat.F32), null);
		float[][] mix = RenderFileTest.readWav(mixFile);
		for (boolean masterProcessing : new boolean[] { false, true }) {
			Path stems = dir.resolve("stems-" + masterProcessing);
			RenderResult r = Engine.render(plan, RenderOptions.stemsByDepth(stems, SampleFormat.F32, 2, masterProcessing),
					null);
			assertNull(r.output());
			assertEquals(List.of("A1.wav", "A2.wav", "A.direct.wav", "B.direct.wav", "R.direct.wav", "master.direct.wav"),
					r.stems().stream().map(p -> p.getFileName().toString()).toList());
			float[][] total = sum(r.stems());
			assertEquals(mix[0].length, total[0].length);
			double max = 0;
			for (int c = 0; c < 2; c++) {
				for (int i = 0; i < mix[c].length; i++) {
					max = Math.max(max, Math.abs(total[c][i] - mix[c][i]));
				}
			}
			// a pure delay reported as latency is compensated away: with or without the master's, the stems null
			assertTrue(max < 1e-6, "master processing " + masterProcessing + ": residual " + max);
		}
	}

	@Test
	void outputsNameEveryStemAndRefuseCollisions() throws Exception {
		Plan plan = Engine.compile(graph());
		Path stems = dir.resolve("s");
		List<OutputGuard.Output> outs = Engine.outputs(plan, RenderOptions.stemsByDepth(stems, SampleFormat.F32, 1, false));
		assertEquals(List.of(new OutputGuard.Output(stems.resolve("A.wav"), "the stem of bus:A"),
				new OutputGuard.Output(stems.resolve("B.wav"), "the stem of bus:B"),
				new OutputGuard.Output(stems.resolve("R.wav"), "the stem of bus:R"),
				new OutputGuard.Output(stems.resolve("master.direct.wav"), "the direct stem of master")), outs);
		assertTrue(!Files.exists(stems));
		IllegalArgumentException deep = assertThrows(IllegalArgumentException.class,
				() -> Engine.outputs(plan, RenderOptions.stemsByDepth(stems, SampleFormat.F32, 3, false)));
		assertEquals("no bus is at depth 3 of the tree (the deepest is at depth 2)", deep.getMessage());
		// a bus named as another bus's direct stem
		GraphDescription g = graph();
		List<Channel> channels = new java.util.ArrayList<>(g.channels());
		channels.add(bus("A.direct", "bus:A", 0, 0));
		Plan clash = Engine.compile(new GraphDescription(48000, PanLaw.MINUS_3_DB, channels));
		AudioFileException e = assertThrows(AudioFileException.class,
				() -> Engine.outputs(clash, RenderOptions.stemsByDepth(stems, SampleFormat.F32, 2, false)));
		assertTrue(e.getMessage().contains("both bus:A.direct and bus:A would write this stem"), e.getMessage());
	}
}
