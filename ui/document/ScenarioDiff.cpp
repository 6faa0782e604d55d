#include "ScenarioDiff.h"

#include <algorithm>
#include <iterator>
#include <utility>
#include <vector>

namespace tdl::ui {

namespace {

QString text(std::string_view s) {
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

QString duration(Duration d) {
    return QString::fromStdString(formatDuration(d)).remove(QLatin1Char(' '));
}

QString yesNo(bool value) {
    return value ? QStringLiteral("true") : QStringLiteral("false");
}

// "net.ipv4.tcp_tw_reuse" -> "tcp_tw_reuse": the prefix is the same for every knob.
QString shortKnobName(std::string_view name) {
    QString s = text(name);
    const qsizetype dot = s.lastIndexOf(QLatin1Char('.'));
    return dot < 0 ? s : s.mid(dot + 1);
}

} // namespace

ScenarioDiff::ScenarioDiff(const Scenario& a, const Scenario& b) {
    compareHosts(a, b);
    add(QStringLiteral("delay"), duration(a.network.delay), duration(b.network.delay));
    add(QStringLiteral("loss"), QString::number(a.network.loss), QString::number(b.network.loss));
    if (a.network.links != b.network.links) {
        add(QStringLiteral("links"), QString::number(a.network.links.size()),
            QString::number(b.network.links.size()));
    }
    if (a.load && b.load) {
        compareLoads(*a.load, *b.load);
    }
    add(QStringLiteral("seed"), QString::number(a.seed), QString::number(b.seed));
    add(QStringLiteral("limit"), duration(a.limit), duration(b.limit));
    if (a.actions != b.actions) {
        add(QStringLiteral("actions"), QString::number(a.actions.size()),
            QString::number(b.actions.size()));
    }
    if (a.faults != b.faults) {
        add(QStringLiteral("faults"), QString::number(a.faults.size()),
            QString::number(b.faults.size()));
    }
    if (a.crafted != b.crafted) {
        add(QStringLiteral("crafted"), QString::number(a.crafted.size()),
            QString::number(b.crafted.size()));
    }
}

void ScenarioDiff::add(const QString& name, const QString& a, const QString& b) {
    if (a != b) {
        a_ << QStringLiteral("%1=%2").arg(name, a);
        b_ << QStringLiteral("%1=%2").arg(name, b);
    }
}

void ScenarioDiff::compareHosts(const Scenario& a, const Scenario& b) {
    const auto names = [](const Scenario& s) {
        QStringList list;
        for (const HostConfig& host : s.hosts) {
            list << QString::fromStdString(host.name);
        }
        return list.join(QLatin1Char(','));
    };
    if (a.hosts.size() != b.hosts.size()) {
        add(QStringLiteral("hosts"), names(a), names(b));
        return;
    }
    // Per term, the hosts where it differs, so that a term on one host can go without its name.
    struct Term {
        QString name;
        std::vector<std::pair<QString, std::pair<QString, QString>>> hosts;
    };
    std::vector<Term> terms;
    const auto note = [&terms](const QString& host, const QString& name, const QString& va,
                               const QString& vb) {
        if (va == vb) {
            return;
        }
        auto it =
            std::find_if(terms.begin(), terms.end(), [&](const Term& t) { return t.name == name; });
        if (it == terms.end()) {
            terms.push_back({name, {}});
            it = std::prev(terms.end());
        }
        it->hosts.push_back({host, {va, vb}});
    };
    for (std::size_t i = 0; i < a.hosts.size(); ++i) {
        const HostConfig& ha = a.hosts[i];
        const HostConfig& hb = b.hosts[i];
        const QString host = QString::fromStdString(ha.name);
        note(host, QStringLiteral("name"), host, QString::fromStdString(hb.name));
        note(host, QStringLiteral("address"), QString::fromStdString(formatIpv4(ha.address)),
             QString::fromStdString(formatIpv4(hb.address)));
        note(host, QStringLiteral("profile"), text(profileKey(ha.profile)),
             text(profileKey(hb.profile)));
        for (const SysctlKnob& knob : sysctlKnobs()) {
            note(host, shortKnobName(knob.name),
                 QString::fromStdString(sysctlValueText(ha.sysctls, knob.name)),
                 QString::fromStdString(sysctlValueText(hb.sysctls, knob.name)));
        }
    }
    for (const Term& term : terms) {
        for (const auto& [host, values] : term.hosts) {
            const QString name =
                term.hosts.size() == 1 ? term.name : QStringLiteral("%1.%2").arg(host, term.name);
            add(name, values.first, values.second);
        }
    }
}

void ScenarioDiff::compareLoads(const LoadConfig& a, const LoadConfig& b) {
    add(QStringLiteral("client"), QString::fromStdString(a.client),
        QString::fromStdString(b.client));
    add(QStringLiteral("server"), QString::fromStdString(a.server),
        QString::fromStdString(b.server));
    add(QStringLiteral("port"), QString::number(a.port), QString::number(b.port));
    add(QStringLiteral("port_count"), QString::number(a.portCount), QString::number(b.portCount));
    add(QStringLiteral("rate"), QString::number(a.rate), QString::number(b.rate));
    add(QStringLiteral("duration"), duration(a.duration), duration(b.duration));
    add(QStringLiteral("request_bytes"), QString::number(a.requestBytes),
        QString::number(b.requestBytes));
    add(QStringLiteral("response_bytes"), QString::number(a.responseBytes),
        QString::number(b.responseBytes));
    add(QStringLiteral("server_delay"), duration(a.serverDelay), duration(b.serverDelay));
    add(QStringLiteral("closer"), text(closerKey(a.closer)), text(closerKey(b.closer)));
    add(QStringLiteral("client_reads"), yesNo(a.clientReads), yesNo(b.clientReads));
    add(QStringLiteral("sample_every"), duration(a.sampleEvery), duration(b.sampleEvery));
}

QString ScenarioDiff::legendA() const {
    return a_.isEmpty() ? tr("A") : tr("A: %1").arg(a_.join(QStringLiteral(", ")));
}

QString ScenarioDiff::legendB() const {
    return b_.isEmpty() ? tr("B") : tr("B: %1").arg(b_.join(QStringLiteral(", ")));
}

} // namespace tdl::ui
