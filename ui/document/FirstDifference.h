#pragma once

#include "trace.h"

#include <QCoreApplication>
#include <QString>

#include <cstddef>
#include <optional>

namespace tdl::ui {

// Where two runs of a story part ways: the first instant at which one run has a segment fact
// (sent, delivered, lost, held back, duplicated), a state change, an application call or an
// anomaly that the other run has not. Timers are left out: a timer that differs shows in what it
// makes happen. Facts are compared by what they are (the segment's sender, receiver, flags,
// sequence numbers relative to the ISNs and length; the state change; the call and its result;
// the cause), not by their ids, so runs of different scenarios compare too.
class FirstDifference {
    Q_DECLARE_TR_FUNCTIONS(tdl::ui::FirstDifference)

public:
    static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

    // nullopt when the two runs record the same facts at the same times.
    static std::optional<FirstDifference> find(const Trace& a, const Trace& b);

    SimTime at() const { return at_; }
    // The index in a's (b's) facts of its first fact the other run lacks at that instant; kNone
    // when it has none there (it has fewer facts then, or none: it ended before).
    std::size_t factA() const { return factA_; }
    std::size_t factB() const { return factB_; }

    // One sentence: "First difference at 230 ms: as opened, server receives FIN,ACK seq=101
    // ack=201; now, client: FIN,ACK seq=101 ack=201 is lost." nameA and nameB say which run is
    // which.
    QString sentence(const Trace& a, const Trace& b, const QString& nameA,
                     const QString& nameB) const;

private:
    FirstDifference(SimTime at, std::size_t factA, std::size_t factB)
        : at_(at)
        , factA_(factA)
        , factB_(factB) {}

    SimTime at_{};
    std::size_t factA_ = kNone;
    std::size_t factB_ = kNone;
};

} // namespace tdl::ui
