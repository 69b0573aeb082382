#!/usr/bin/env bash
# Writes the seed corpus of the audio fuzz targets with real tools (sox, ffmpeg, flac), then the damaged variants
# (cut short, a size or a field changed): small files, so that mutations go where parsers decide things.
# Run once by hand; the output is committed. Needs sox, ffmpeg, flac and python3.
set -euo pipefail
cd "$(dirname "$0")"
R=src/test/resources/org/mixtree/fuzz
WAV=$R/AudioFileFuzzTestInputs/wav AIFF=$R/AudioFileFuzzTestInputs/aiff FLAC=$R/AudioFileFuzzTestInputs/flac
IR=$R/ImpulseFileFuzzTestInputs/impulse
mkdir -p "$WAV" "$AIFF" "$FLAC" "$IR"
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
# 30 ms of a 440 Hz tone at 8 kHz (240 frames), mono and stereo
sox -n -r 8000 -c 1 -b 16 "$T/m.wav" synth 0.03 sine 440
sox -n -r 8000 -c 2 -b 16 "$T/s.wav" synth 0.03 sine 440 sine 660
sox "$T/m.wav" -b 16 "$WAV/sox-s16-mono.wav"
sox "$T/s.wav" -b 24 "$WAV/sox-s24-stereo.wav"                 # sox: WAVE_FORMAT_EXTENSIBLE above 16 bits
sox "$T/m.wav" -b 32 -e signed "$WAV/sox-s32-mono.wav"
sox "$T/s.wav" -b 32 -e float "$WAV/sox-f32-stereo.wav"
sox "$T/m.wav" -b 64 -e float "$WAV/sox-f64-mono.wav"
sox "$T/m.wav" -b 8 -e unsigned "$WAV/sox-u8-refused.wav"
sox "$T/m.wav" -e u-law "$WAV/sox-ulaw-refused.wav"
ffmpeg -loglevel error -y -i "$T/s.wav" -c:a pcm_s16le "$WAV/ffmpeg-s16-stereo-list.wav"   # with a LIST chunk
ffmpeg -loglevel error -y -i "$T/m.wav" -c:a pcm_s24le -rf64 always "$WAV/ffmpeg-rf64-s24.wav"
ffmpeg -loglevel error -y -i "$T/s.wav" -c:a pcm_f32le -rf64 always "$WAV/ffmpeg-rf64-f32-stereo.wav"
ffmpeg -loglevel error -y -i "$T/m.wav" -c:a pcm_s16le -bitexact -write_bext 1 "$WAV/ffmpeg-bext.wav"
sox "$T/m.wav" -b 16 "$AIFF/sox-s16-mono.aiff"
sox "$T/s.wav" -b 24 "$AIFF/sox-s24-stereo.aiff"
ffmpeg -loglevel error -y -i "$T/m.wav" -c:a pcm_s16be "$AIFF/ffmpeg-s16.aiff"
ffmpeg -loglevel error -y -i "$T/s.wav" -c:a pcm_s16le -f aiff "$AIFF/ffmpeg-sowt.aifc" 2>/dev/null || true
ffmpeg -loglevel error -y -i "$T/m.wav" -c:a pcm_f32be -f aiff "$AIFF/ffmpeg-fl32.aifc"
ffmpeg -loglevel error -y -i "$T/m.wav" -c:a pcm_f64be -f aiff "$AIFF/ffmpeg-fl64.aifc"
sox "$T/m.wav" -e u-law -t aifc "$AIFF/sox-ulaw-refused.aifc" 2>/dev/null || true
flac -s -f -o "$FLAC/flac-s16-mono.flac" "$T/m.wav"
flac -s -f --blocksize=64 -o "$FLAC/flac-s16-stereo-64.flac" "$T/s.wav"
sox "$T/s.wav" -b 24 "$T/s24.wav"; flac -s -f --blocksize=128 -o "$FLAC/flac-s24-stereo.flac" "$T/s24.wav"
ffmpeg -loglevel error -y -i "$T/m.wav" -c:a flac -frame_size 96 "$FLAC/ffmpeg-s16.flac"
sox -n -r 8000 -c 1 -b 16 "$T/z.wav" synth 0.01 sine 0 vol 0; flac -s -f -o "$FLAC/flac-silence.flac" "$T/z.wav"
# damaged variants: cut short, declared sizes changed, a byte flipped in the middle
python3 - "$WAV" "$AIFF" "$FLAC" <<'PY'
import sys, os, struct
for d in sys.argv[1:]:
    for name in sorted(os.listdir(d)):
        if name.startswith(('cut-', 'bad-')): continue
        b = open(os.path.join(d, name), 'rb').read()
        stem, ext = os.path.splitext(name)
        open(os.path.join(d, 'cut-head-' + stem + ext), 'wb').write(b[:44])
        open(os.path.join(d, 'cut-half-' + stem + ext), 'wb').write(b[:len(b) // 2])
        m = bytearray(b); m[len(m) // 2] ^= 0x5A
        open(os.path.join(d, 'bad-flip-' + stem + ext), 'wb').write(bytes(m))
wav = sys.argv[1]
b = bytearray(open(os.path.join(wav, 'sox-s16-mono.wav'), 'rb').read())
# a data chunk claiming 2^32-1 bytes, 65535 channels, a 0 Hz and a 2^31-1 Hz rate
i = b.find(b'data'); m = bytearray(b); m[i+4:i+8] = struct.pack('<I', 0xFFFFFFFF)
open(os.path.join(wav, 'bad-data-4g.wav'), 'wb').write(bytes(m))
i = b.find(b'fmt '); m = bytearray(b); m[i+10:i+12] = struct.pack('<H', 65535)
open(os.path.join(wav, 'bad-65535-channels.wav'), 'wb').write(bytes(m))
m = bytearray(b); m[i+12:i+16] = struct.pack('<I', 0x7FFFFFFF)
open(os.path.join(wav, 'bad-rate-2g.wav'), 'wb').write(bytes(m))
m = bytearray(b); m[i+12:i+16] = struct.pack('<I', 44101)
open(os.path.join(wav, 'odd-rate-44101.wav'), 'wb').write(bytes(m))
PY
# impulse responses: a short decaying noise burst, mono and stereo, plus the WAV seeds above
sox -n -r 8000 -c 1 -b 16 "$IR/sox-ir-mono.wav" synth 0.05 whitenoise fade q 0 0.05 0.05
sox -n -r 16000 -c 2 -b 24 "$IR/sox-ir-stereo.wav" synth 0.02 whitenoise fade q 0 0.02 0.02
cp "$WAV"/sox-f32-stereo.wav "$WAV"/ffmpeg-rf64-s24.wav "$WAV"/bad-rate-2g.wav "$WAV"/odd-rate-44101.wav "$IR"/
cp "$AIFF"/sox-s16-mono.aiff "$FLAC"/flac-s16-mono.flac "$IR"/
