#pragma once

#include "trace.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace tdl::ui {

// What an edit changed in the run, in words: the two runs' traces compared host by host for what
// a reader of the lesson watches — retransmissions, TIME-WAIT and when it ends, RSTs, failing
// application calls, the state each named socket ends in. Computed from the traces alone, so it
// names the consequences of any edit (a fault rule, a sysctl) the same way.
class RunComparison {
    Q_DECLARE_TR_FUNCTIONS(tdl::ui::RunComparison)

public:
    RunComparison(const Trace& before, const Trace& after);

    // The two runs record the same facts at the same times; a timer armed for another deadline
    // but cancelled before it fired counts as the same.
    bool same() const { return same_; }
    // One short clause per change, "the server now retransmits its FIN 3 times"; empty when
    // same(). When nothing the reader watches changed but the runs differ, one clause says how
    // (the end of the run, the number of segments, or only the timing).
    const QStringList& changes() const { return changes_; }

    // The line shown after an edit: "<edit>: <changes>", or that the edit changed nothing.
    QString summary(const QString& editDescription) const;

private:
    void compareHosts(const Trace& before, const Trace& after);
    void compareSockets(const Trace& before, const Trace& after);
    void compareWholeRuns(const Trace& before, const Trace& after);

    bool same_ = false;
    QStringList changes_;
};

} // namespace tdl::ui
