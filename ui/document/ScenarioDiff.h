#pragma once

#include "scenario.h"

#include <QCoreApplication>
#include <QStringList>

namespace tdl::ui {

// What differs between two scenarios, for the legend of an overlay: each side's values as short
// "name=value" terms in the scenario file's own words ("tcp_tw_reuse=0", "rate=500",
// "closer=server"). A host's term names the host only when more than one host differs in it.
// Texts (title, description) and ids are not compared: they do not change a run.
class ScenarioDiff {
    Q_DECLARE_TR_FUNCTIONS(tdl::ui::ScenarioDiff)

public:
    ScenarioDiff(const Scenario& a, const Scenario& b);

    bool same() const { return a_.isEmpty() && b_.isEmpty(); }
    const QStringList& a() const { return a_; }
    const QStringList& b() const { return b_; }

    // "A: tcp_tw_reuse=0" / "B: tcp_tw_reuse=1"; "A" and "B" alone when nothing differs.
    QString legendA() const;
    QString legendB() const;

private:
    void add(const QString& name, const QString& a, const QString& b);
    void compareHosts(const Scenario& a, const Scenario& b);
    void compareLoads(const LoadConfig& a, const LoadConfig& b);

    QStringList a_;
    QStringList b_;
};

} // namespace tdl::ui
