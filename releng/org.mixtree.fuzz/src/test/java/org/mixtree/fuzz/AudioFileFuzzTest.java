package org.mixtree.fuzz;

import java.io.IOException;
import java.nio.file.Path;

import org.mixtree.audio.io.AudioFileException;
import org.mixtree.audio.io.AudioFileInfo;
import org.mixtree.audio.io.AudioFileReader;
import org.mixtree.audio.io.AudioFiles;
import org.mixtree.dsp.Resampler;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the audio file readers ({@link AudioFiles}: WAV, RF64, AIFF, AIFF-C, FLAC) with whole files. The targets
 * differ only in their seed corpus (files written by sox, ffmpeg and flac, then cut short and damaged by hand),
 * so each format gets its own share of mutations; the format is still recognised from the bytes.
 * <p>
 * The contract checked: a file is either read to its declared end, the frames delivered being exactly
 * {@link AudioFileReader#frames()}, or refused with one {@link AudioFileException} whose one-line message names
 * the file; header probe and open agree; seeking back and forth stays inside the file. Anything else (another
 * exception, an error, a hang, more than the 256 MB heap) is a finding.
 */
class AudioFileFuzzTest {

	@FuzzTest
	void wav(byte[] data) {
		check(Scratch.write("fuzz.wav", data));
	}

	@FuzzTest
	void aiff(byte[] data) {
		check(Scratch.write("fuzz.aiff", data));
	}

	@FuzzTest
	void flac(byte[] data) {
		check(Scratch.write("fuzz.flac", data));
	}

	static void check(Path file) {
		AudioFileInfo info = null;
		try {
			info = AudioFiles.info(file);
		} catch (IOException e) {
			expected(e, file);
		}
		try (AudioFileReader reader = AudioFiles.open(file)) {
			if (info == null) {
				throw new AssertionError("info refused " + file + " but open read it");
			}
			if (reader.channels() != info.channels() || reader.frames() != info.frames()
					|| reader.sampleRate() != info.sampleRate()) {
				throw new AssertionError("info " + info + " and open disagree: " + reader.channels() + " ch, "
						+ reader.frames() + " frames, " + reader.sampleRate() + " Hz");
			}
			readAll(reader);
		} catch (IOException e) {
			expected(e, file);
			return;
		}
		// as the session binding reads a stem at the session's rate; the converter's set-up costs milliseconds for
		// a rate with no common factor with 48 kHz, which would slow the fuzzing down tenfold, so those rates are
		// only checked for refusal (their conversion is ResamplerTest's)
		try {
			Resampler.check(info.sampleRate(), 48000);
		} catch (IllegalArgumentException e) {
			expectRefusal(file);
			return;
		}
		if (info.sampleRate() % 25 != 0) {
			return;
		}
		try (AudioFileReader reader = AudioFiles.open(file, 48000)) {
			float[][] buf = new float[reader.channels()][4096];
			reader.read(buf, 0, 4096);
		} catch (IOException e) {
			expected(e, file);
		}
	}

	private static void readAll(AudioFileReader reader) throws IOException {
		int channels = reader.channels();
		if (channels < 1 || channels > 2 || reader.sampleRate() <= 0 || reader.frames() < 0) {
			throw new AssertionError("a reader of " + channels + " ch, " + reader.sampleRate() + " Hz, "
					+ reader.frames() + " frames");
		}
		float[][] buf = new float[channels][1024];
		long total = 0;
		int n;
		while ((n = reader.read(buf, 0, buf[0].length)) > 0) {
			total += n;
			if (total > reader.frames()) {
				throw new AssertionError("read " + total + " frames of " + reader.frames());
			}
		}
		if (total != reader.frames()) {
			throw new AssertionError("read " + total + " frames, " + reader.frames() + " declared");
		}
		long frames = reader.frames();
		for (long at : new long[] { frames / 2, 0, frames, Math.max(0, frames - 1), frames / 3 }) {
			reader.seek(at);
			int got = reader.read(buf, 0, 100);
			if (got != Math.min(100, frames - at)) {
				throw new AssertionError("after seek(" + at + ") read " + got + " of " + frames + " frames");
			}
		}
	}

	private static void expectRefusal(Path file) {
		try (AudioFileReader reader = AudioFiles.open(file, 48000)) {
			throw new AssertionError(file + " at " + reader.sampleRate() + " Hz opened at 48 kHz");
		} catch (IOException e) {
			expected(e, file);
		}
	}

	private static void expected(IOException e, Path file) {
		if (!(e instanceof AudioFileException)) {
			throw new AssertionError("not an AudioFileException: " + e, e);
		}
		Scratch.checkMessage(e, file.toString() + ": ");
	}
}
