import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Prints what one thread did in a JFR recording, one event a line with its top frames: allocations, class loads,
 * deoptimisations. For the audio thread of a soak or a play (README, "Soak"):
 *
 * <pre>
 * MIXTREE_JVM_OPTS="-XX:-UseTLAB -XX:StartFlightRecording:filename=/tmp/soak.jfr,settings=default,\
 * jdk.ObjectAllocationOutsideTLAB#enabled=true,jdk.ObjectAllocationSample#enabled=false,\
 * jdk.ClassLoad#enabled=true,jdk.ClassLoad#threshold=0ms,jdk.Deoptimization#enabled=true" \
 *   ./mixtree soak --make /tmp/soak --minutes 3
 * java releng/bench/AudioThreadEvents.java /tmp/soak.jfr [THREAD [FRAMES]]
 * </pre>
 *
 * Without a TLAB every allocation is an event, so the thread's few bytes are all seen (the whole JVM runs slower).
 * THREAD defaults to {@code mixtree-jack-audio}, FRAMES to 8.
 */
public class AudioThreadEvents {
	public static void main(String[] args) throws Exception {
		String thread = args.length > 1 ? args[1] : "mixtree-jack-audio";
		int depth = args.length > 2 ? Integer.parseInt(args[2]) : 8;
		long bytes = 0;
		Map<String, Long> counts = new TreeMap<>();
		try (RecordingFile file = new RecordingFile(Path.of(args[0]))) {
			while (file.hasMoreEvents()) {
				RecordedEvent e = file.readEvent();
				RecordedThread t = e.getThread();
				String type = e.getEventType().getName();
				if (t == null || !thread.equals(t.getJavaName()) || type.endsWith("Sample") || type.endsWith("CPULoad")) {
					continue;
				}
				StringBuilder line = new StringBuilder().append(e.getStartTime()).append(' ').append(type);
				if (e.hasField("objectClass")) {
					line.append(' ').append(((RecordedClass) e.getValue("objectClass")).getName());
				}
				if (e.hasField("allocationSize")) {
					long size = e.getLong("allocationSize");
					bytes += size;
					line.append(' ').append(size).append(" bytes");
				}
				if (e.hasField("loadedClass")) {
					line.append(' ').append(((RecordedClass) e.getValue("loadedClass")).getName());
				}
				if (e.hasField("reason") && e.hasField("method")) {
					RecordedMethod m = e.getValue("method");
					line.append(' ').append(e.getString("reason")).append(" in ").append(m.getType().getName())
							.append('.').append(m.getName()).append(':').append(e.getInt("lineNumber"));
				}
				RecordedStackTrace stack = e.getStackTrace();
				if (stack != null) {
					int n = 0;
					for (RecordedFrame f : stack.getFrames()) {
						if (n++ == depth) {
							break;
						}
						line.append("\n    ").append(f.getMethod().getType().getName()).append('.')
								.append(f.getMethod().getName()).append(':').append(f.getLineNumber());
					}
				}
				counts.merge(type, 1L, Long::sum);
				System.out.println(line);
			}
		}
		System.out.println(thread + ": " + counts + ", " + bytes + " bytes allocated in the events");
	}
}
