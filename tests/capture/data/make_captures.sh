#!/bin/bash
# Makes the real captures in this folder on the machine's own kernel: two network namespaces
# joined by a veth pair, real sockets (python3), tcpdump in the server's namespace. Run as root;
# it removes its namespaces when done. See README.md for what each capture shows.
set -euo pipefail
cd "$(dirname "$0")"
CLIENT=capture-client
SERVER=capture-server
cleanup() {
    ip netns del "$CLIENT" 2>/dev/null || true
    ip netns del "$SERVER" 2>/dev/null || true
}
trap cleanup EXIT
cleanup
ip netns add "$CLIENT"
ip netns add "$SERVER"
ip link add capture-c type veth peer name capture-s
ip link set capture-c netns "$CLIENT"
ip link set capture-s netns "$SERVER"
ip -n "$CLIENT" addr add 10.77.0.1/24 dev capture-c
ip -n "$SERVER" addr add 10.77.0.2/24 dev capture-s
ip -n "$CLIENT" link set capture-c up
ip -n "$SERVER" link set capture-s up
ip -n "$CLIENT" link set lo up
ip -n "$SERVER" link set lo up
# Segmentation offloads would hand tcpdump one large packet for several segments.
ip netns exec "$CLIENT" ethtool -K capture-c tso off gso off gro off 2>/dev/null || true
ip netns exec "$SERVER" ethtool -K capture-s tso off gso off gro off 2>/dev/null || true

# capture NAME SECONDS SERVER-PROGRAM CLIENT-PROGRAM: tcpdump on the server's interface while
# both programs run.
capture() {
    local name=$1 seconds=$2 server=$3 client=$4
    ip netns exec "$SERVER" tcpdump -i capture-s -U -w "$name.pcap" tcp 2>/dev/null &
    local dump=$!
    # The four-way close also through the "any" device, as Linux cooked captures (SLL2 is what
    # tcpdump 4.99 writes for "any"; -y LINUX_SLL asks for the older SLL).
    local cooked=()
    if [ "$name" = four-way-close ]; then
        ip netns exec "$SERVER" tcpdump -i any -U -w "$name-sll2.pcap" tcp 2>/dev/null &
        cooked+=($!)
        ip netns exec "$SERVER" tcpdump -i any -y LINUX_SLL -U -w "$name-sll.pcap" tcp \
            2>/dev/null &
        cooked+=($!)
    fi
    sleep 2
    ip netns exec "$SERVER" python3 -c "$server" &
    local listener=$!
    sleep 0.5
    ip netns exec "$CLIENT" python3 -c "$client"
    wait "$listener" || true
    sleep "$seconds"
    kill -INT "$dump" "${cooked[@]}"
    wait "$dump" "${cooked[@]}" || true
}

ECHO_SERVER='
import socket
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("10.77.0.2", 8080)); s.listen()
c, _ = s.accept(); data = c.recv(100); c.sendall(b"pong"); c.recv(100); c.close()
'

# 1. A four-way close: the client sends "ping", reads "pong" and closes; the server reads the
#    end of file and closes.
capture four-way-close 1 "$ECHO_SERVER" '
import socket, time
c = socket.create_connection(("10.77.0.2", 8080)); c.sendall(b"ping"); c.recv(100)
time.sleep(0.2); c.close(); time.sleep(0.5)
'

# 2. A lost final ACK: once the server has sent its FIN, nftables in the client's namespace drops
#    the client's pure ACKs for 0.7 s; the server re-sends its FIN until one ACK gets through.
ip netns exec "$CLIENT" nft -f - <<'NFT'
table inet capture_lost_ack {
    chain out { type filter hook output priority 0; }
}
NFT
capture lost-final-ack 1 '
import socket, time
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("10.77.0.2", 8080)); s.listen()
c, _ = s.accept(); c.recv(100); time.sleep(0.1); c.close(); time.sleep(2)
' "
import socket, subprocess, time
c = socket.create_connection(('10.77.0.2', 8080))
c.close()
time.sleep(0.05)
subprocess.run(['nft', 'add rule inet capture_lost_ack out tcp dport 8080 tcp flags == ack drop'], check=True)
time.sleep(0.7)
subprocess.run(['nft', 'flush chain inet capture_lost_ack out'], check=True)
time.sleep(1.5)
"
ip netns exec "$CLIENT" nft delete table inet capture_lost_ack

# 3. A RST to a closed port: the client connects to 10.77.0.2:9 where nothing listens.
capture rst-closed-port 0.5 'pass' '
import socket
try:
    socket.create_connection(("10.77.0.2", 9))
except ConnectionRefusedError:
    pass
'

# 4. TIME_WAIT reuse: the client closes first from port 40000 and is in TIME-WAIT; with
#    net.ipv4.tcp_tw_reuse = 1 its second connect() from the same port takes the 4-tuple over
#    0.5 s later.
ip netns exec "$CLIENT" sysctl -q net.ipv4.tcp_tw_reuse=1
capture time-wait-reuse 1 '
import socket
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("10.77.0.2", 8080)); s.listen()
for _ in range(2):
    c, _ = s.accept(); c.recv(100); c.recv(100); c.close()
' '
import socket, time
for _ in range(2):
    c = socket.socket(); c.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    c.bind(("10.77.0.1", 40000)); c.connect(("10.77.0.2", 8080)); c.sendall(b"hello")
    time.sleep(0.1); c.close(); time.sleep(0.5)
'

# The four-way close again as pcapng (Wireshark's own format; same packets).
editcap -F pcapng four-way-close.pcap four-way-close.pcapng
# tcpdump sometimes starts late on a busy machine: a capture with no packet is a failed run.
for file in *.pcap; do
    if [ "$(stat -c %s "$file")" -le 24 ]; then
        echo "$file: no packets captured; run again" >&2
        exit 1
    fi
done
