#!/usr/bin/env bash
# Audio servers for the device tests (used by `./mixtree test`; usable by hand):
#   releng/audio-servers.sh start STATE_DIR   starts what is installed and not already running:
#       a JACK server with the dummy driver under the default server name
#         (jackd --no-realtime -d dummy -r 48000 -p 256)
#       a PulseAudio daemon with a 48 kHz float null sink `out` and the native protocol
#     and records in STATE_DIR/audio-servers.started what it started; says once which Debian packages are
#     missing when something is not installed. Never fails: the tests say what they need.
#   releng/audio-servers.sh stop STATE_DIR    stops exactly what `start` started (and nothing else)
# Tests that need a server of their own (the Java Sound tests start a private PulseAudio with its own socket;
# the JACK tests may start a named jackd) do not clash with these: those use their own socket or server name.
set -uo pipefail
verb=${1:-}; state=${2:-}
[[ -n $verb && -n $state ]] || { echo "usage: $0 start|stop STATE_DIR" >&2; exit 2; }
mkdir -p "$state"
started=$state/audio-servers.started
PACKAGES="jackd2 jack-capture pulseaudio pulseaudio-utils libasound2-plugins alsa-utils libjack-jackd2-0"

# Removes JACK's shared-memory registry and what dead servers left in /dev/shm; only when no JACK server runs.
clear_jack_registry() {
  pgrep -x 'jackd|jackdmp' >/dev/null && return 0
  rm -f /dev/shm/jack-shm-registry /dev/shm/jack-"$(id -u)"-* /dev/shm/jack_sem."$(id -u)"_* \
    /dev/shm/jack_*_"$(id -u)"_* /dev/shm/jack_*_0_0 2>/dev/null
  rm -rf /dev/shm/jack_db-"$(id -u)" 2>/dev/null
  return 0
}

jack_running() { JACK_NO_START_SERVER=1 timeout 5 jack_lsp >/dev/null 2>&1; }

start() {
  : >"$started"
  local missing=()
  command -v jackd >/dev/null || missing+=(jackd2)
  command -v jack_capture >/dev/null || missing+=(jack-capture)
  command -v pulseaudio >/dev/null || missing+=(pulseaudio)
  command -v parec >/dev/null || missing+=(pulseaudio-utils)
  [[ -e /usr/share/alsa/alsa.conf.d/pulse.conf ]] || missing+=(libasound2-plugins)
  if [[ ${#missing[@]} -gt 0 ]]; then
    echo "mixtree: the audio device tests need Debian packages: apt-get install $PACKAGES" \
      "(missing: ${missing[*]}); without them those tests fail" >&2
  fi
  if command -v jackd >/dev/null && command -v jack_lsp >/dev/null; then
    if jack_running; then
      echo "mixtree: using the JACK server already running" >&2
    else
      local pid i
      for attempt in 1 2; do
        nohup jackd --no-realtime -d dummy -r 48000 -p 256 >"$state/jackd.log" 2>&1 </dev/null &
        pid=$!
        for i in $(seq 50); do jack_running && break; kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        jack_running && break
        # JACK's shared registry keeps 8 servers; killed servers with other names (private test servers) are not
        # reclaimed. With no JACK server process left on the machine, it is all stale: clear it and try again.
        if grep -q "Too many servers already active" "$state/jackd.log" && ! pgrep -x 'jackd|jackdmp' >/dev/null; then
          echo "mixtree: clearing JACK's stale shared-memory registry (servers that were killed)" >&2
          clear_jack_registry
        else
          break
        fi
      done
      if jack_running; then
        echo "jackd $pid" >>"$started"
        echo "mixtree: started a JACK dummy server (48 kHz, 256 frames; pid $pid)" >&2
      else
        kill "$pid" 2>/dev/null
        echo "mixtree: jackd did not start (see $state/jackd.log)" >&2
      fi
    fi
  fi
  if command -v pulseaudio >/dev/null; then
    if pulseaudio --check 2>/dev/null; then
      echo "mixtree: using the PulseAudio server already running" >&2
    elif pulseaudio -D --exit-idle-time=-1 -n \
        --load="module-null-sink sink_name=out rate=48000 format=float32le channels=2" \
        --load=module-native-protocol-unix >"$state/pulseaudio.log" 2>&1; then
      echo "pulseaudio" >>"$started"
      echo "mixtree: started PulseAudio with a null sink 'out' (48 kHz, float)" >&2
    else
      echo "mixtree: PulseAudio did not start (see $state/pulseaudio.log)" >&2
    fi
  fi
}

stop() {
  [[ -f $started ]] || return 0
  local what pid
  while read -r what pid; do
    case $what in
      jackd) kill "$pid" 2>/dev/null
             for _ in $(seq 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
             kill -9 "$pid" 2>/dev/null
             clear_jack_registry ;;  # entries of killed private test servers would fill its 8 slots
      pulseaudio) pulseaudio --kill 2>/dev/null ;;
    esac
  done <"$started"
  rm -f "$started"
}

case $verb in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop STATE_DIR" >&2; exit 2 ;;
esac
exit 0
