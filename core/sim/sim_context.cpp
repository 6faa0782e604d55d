#include "sim_context.h"

namespace tdl {

void SimContext::fact(Fact f) {
    if (!recordFacts) {
        return;
    }
    if (pendingDelivery) {
        Fact delivery = *pendingDelivery;
        pendingDelivery.reset();
        sink.fact(delivery);
    }
    f.at = now;
    sink.fact(f);
}

void SimContext::delivered(HostId host, SocketId socket, SegmentId id, Reason reason) {
    if (!pendingDelivery || pendingDelivery->segment != id) {
        return;
    }
    pendingDelivery->host = host;
    pendingDelivery->socket = socket;
    pendingDelivery->reason = reason;
    const Fact delivery = *pendingDelivery;
    pendingDelivery.reset();
    sink.fact(delivery);
}

void SimContext::anomaly(HostId host, SocketId socket, SegmentId id, Reason reason) {
    Fact f;
    f.kind = FactKind::Anomaly;
    f.host = host;
    f.socket = socket;
    f.segment = id;
    f.reason = reason;
    fact(f);
}

void SimContext::appCall(const TcpSock* sock, HostId host, AppCallKind call, int error,
                         Reason reason) {
    if (!recordFacts) {
        return;
    }
    Fact f;
    f.kind = FactKind::AppCall;
    f.host = host;
    f.socket = sock != nullptr ? sock->id : kNoSocket;
    f.call = call;
    f.error = error;
    f.reason = reason;
    fact(f);
}

} // namespace tdl
