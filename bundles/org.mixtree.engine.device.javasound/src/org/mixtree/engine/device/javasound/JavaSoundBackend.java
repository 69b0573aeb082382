package org.mixtree.engine.device.javasound;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.Line;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;

import org.mixtree.engine.device.AudioBackend;
import org.mixtree.engine.device.AudioDeviceException;
import org.mixtree.engine.device.AudioStream;
import org.mixtree.engine.device.DeviceInfo;

/**
 * The Java Sound back end: a {@link SourceDataLine} of a mixer ({@code default [default]} is ALSA's default
 * device, which goes to PulseAudio or PipeWire when {@code libasound2-plugins} is installed and a server runs),
 * fed by a pumping thread that pulls buffer-sized chunks from the callback ({@link JavaSoundStream}). When there is
 * no device, the message says what {@link SoundSetup} found (plugin, server, cards, devices) and what to do.
 * <p>
 * The stream runs at the session's rate whenever the line takes it (ALSA's PulseAudio plugin takes any rate; the
 * server converts to its sink's rate if they differ), else at the device's preferred rate and the player resamples.
 * The {@code bufferFrames} asked for is the chunk the callback fills ({@link AudioStream#bufferFrames()}); the
 * line itself buffers several chunks and at least 100 ms ({@link #lineFrames}), so the latency through Java Sound
 * is about that buffer, never the chunk alone.
 * <p>
 * Samples go out as signed 32-bit integers when the line takes them (no audible quantisation, so a recording of
 * the output can be compared with the offline render), else 24 or 16 bits.
 * <p>
 * Thread rules: [main], as {@link AudioBackend}.
 */
public final class JavaSoundBackend implements AudioBackend {

	/** Sample sizes tried, best first. */
	private static final int[] BITS = { 32, 24, 16 };
	/** The least audio the line buffers, seconds (see {@link #lineFrames}). */
	static final double MIN_LINE_SECONDS = 0.1;
	/** The least chunks the line buffers. */
	static final int MIN_LINE_CHUNKS = 4;
	/** The smallest chunk the pump pulls from the callback, frames. */
	static final int MIN_CHUNK_FRAMES = 64;

	@Override
	public String id() {
		return "javasound";
	}

	@Override
	public String name() {
		return "Java Sound";
	}

	@Override
	public List<DeviceInfo> devices() throws AudioDeviceException {
		List<DeviceInfo> list = new ArrayList<>();
		for (Mixer.Info info : mixers()) {
			Mixer mixer = AudioSystem.getMixer(info);
			if (playable(mixer, 48000, 2) == null && playable(mixer, 44100, 2) == null) {
				continue;
			}
			List<Integer> rates = new ArrayList<>();
			for (int r : new int[] { 44100, 48000, 88200, 96000 }) {
				if (playable(mixer, r, 2) != null) {
					rates.add(r);
				}
			}
			boolean isDefault = info.getName().startsWith("default");
			list.add(new DeviceInfo(info.getName(), info.getDescription(), 2, rates, isDefault));
		}
		if (list.isEmpty()) {
			throw new AudioDeviceException(noDevice());
		}
		return list;
	}

	@Override
	public AudioStream open(String device, int sampleRate, int bufferFrames, int channels)
			throws AudioDeviceException {
		Mixer.Info info = find(device);
		Mixer mixer = AudioSystem.getMixer(info);
		AudioFormat format = playable(mixer, sampleRate, channels);
		if (format == null) {
			// the device does not take the session's rate: open its preferred one, the player resamples
			for (int r : new int[] { 48000, 44100, 96000, 88200 }) {
				format = playable(mixer, r, channels);
				if (format != null) {
					break;
				}
			}
		}
		if (format == null) {
			throw new AudioDeviceException("Java Sound: " + info.getName() + " plays no " + channels
					+ "-channel PCM format at " + sampleRate + " Hz");
		}
		try {
			SourceDataLine line = (SourceDataLine) mixer.getLine(new DataLine.Info(SourceDataLine.class, format));
			int rate = (int) format.getSampleRate();
			int chunk = Math.max(MIN_CHUNK_FRAMES, bufferFrames);
			int frames = lineFrames(rate, chunk);
			line.open(format, frames * format.getFrameSize());
			int got = line.getBufferSize() / format.getFrameSize();
			if (got < 2 * chunk) {
				// the line took less than asked: pump smaller chunks so that it still holds several
				chunk = Math.max(MIN_CHUNK_FRAMES, got / 4);
			}
			return new JavaSoundStream(line, info.getName(), format, chunk);
		} catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
			// a busy or refusing line with a server and the plugin in place needs no diagnosis; without them it does
			SoundSetup.Facts facts = SoundSetup.probe(seen());
			throw new AudioDeviceException("Java Sound: cannot open " + info.getName() + ": " + e.getMessage()
					+ (facts.server() == null || facts.plugin() == null ? "; " + facts.diagnosis() : ""), e);
		}
	}

	/** The one line when no device plays: what was found (plugin, server, cards, devices) and what to do. */
	static String noDevice() {
		return "Java Sound: no output device; " + SoundSetup.probe(seen()).diagnosis();
	}

	/** The output devices Java Sound lists, those that take no stereo PCM at 44.1 or 48 kHz marked. */
	static List<String> seen() {
		List<String> names = new ArrayList<>();
		for (Mixer.Info i : mixers()) {
			Mixer m = AudioSystem.getMixer(i);
			names.add(i.getName() + (playable(m, 48000, 2) == null && playable(m, 44100, 2) == null ? " (plays nothing)" : ""));
		}
		return names;
	}

	/**
	 * The line's buffer in frames for chunks of {@code chunk} frames: a whole number of chunks, at least
	 * {@link #MIN_LINE_CHUNKS} of them and at least {@link #MIN_LINE_SECONDS}. Java Sound's ALSA line asks ALSA for
	 * periods of 20 ms when the buffer exceeds 1024 frames, so 100 ms is five of the plugin's periods: the pump
	 * writes one chunk while PulseAudio's ALSA plugin, which moves audio to the server in whole periods, still holds
	 * four (with three chunks of 1024 frames it underran a few times in 20 s).
	 */
	static int lineFrames(int rate, int chunk) {
		int min = (int) Math.ceil(rate * MIN_LINE_SECONDS);
		int chunks = Math.max(MIN_LINE_CHUNKS, (min + chunk - 1) / chunk);
		return chunks * chunk;
	}

	/** The mixer named exactly, else the one whose name contains {@code device} (case-insensitive). */
	private static Mixer.Info find(String device) throws AudioDeviceException {
		List<Mixer.Info> all = mixers();
		if (device == null || device.isEmpty() || device.equals("javasound")) {
			for (Mixer.Info i : all) {
				if (i.getName().startsWith("default")) {
					return i;
				}
			}
			for (Mixer.Info i : all) {
				if (playable(AudioSystem.getMixer(i), 48000, 2) != null
						|| playable(AudioSystem.getMixer(i), 44100, 2) != null) {
					return i;
				}
			}
			throw new AudioDeviceException(noDevice());
		}
		Mixer.Info match = null;
		for (Mixer.Info i : all) {
			if (i.getName().equals(device)) {
				return i;
			}
			if (i.getName().toLowerCase(Locale.ROOT).contains(device.toLowerCase(Locale.ROOT))) {
				if (match != null) {
					throw new AudioDeviceException("Java Sound: '" + device + "' names more than one device ("
							+ match.getName() + ", " + i.getName() + "); give the full name");
				}
				match = i;
			}
		}
		if (match == null) {
			throw new AudioDeviceException("Java Sound: no device '" + device + "' (./mixtree devices lists them)");
		}
		return match;
	}

	private static List<Mixer.Info> mixers() {
		List<Mixer.Info> list = new ArrayList<>();
		for (Mixer.Info i : AudioSystem.getMixerInfo()) {
			if (AudioSystem.getMixer(i).getSourceLineInfo(new Line.Info(SourceDataLine.class)).length > 0) {
				list.add(i);
			}
		}
		return list;
	}

	/** The best signed little-endian PCM format the mixer plays at this rate, or null. */
	static AudioFormat playable(Mixer mixer, int rate, int channels) {
		for (int bits : BITS) {
			AudioFormat f = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, rate, bits, channels,
					channels * bits / 8, rate, false);
			if (mixer.isLineSupported(new DataLine.Info(SourceDataLine.class, f))) {
				return f;
			}
		}
		return null;
	}
}
