#include "network.h"

#include "fault_rule_match.h"

#include <algorithm>

namespace tdl {

Network::Network(const Scenario& scenario)
    : faults_(&scenario.faults)
    , hostCount_(scenario.hosts.size())
    , linkDelay_(hostCount_ * hostCount_, scenario.network.delay)
    , linkLoss_(hostCount_ * hostCount_, scenario.network.loss)
    , faultMatches_(scenario.faults.size(), 0)
    , faultsNeedIsns_(std::any_of(scenario.faults.begin(), scenario.faults.end(),
                                  [](const FaultRule& rule) { return rule.seq.has_value(); })) {
    for (std::size_t i = 0; i < scenario.hosts.size(); ++i) {
        const Ipv4 address = scenario.hosts[i].address;
        const auto known = std::find_if(hostByAddress_.begin(), hostByAddress_.end(),
                                        [&](const auto& entry) { return entry.first == address; });
        if (known == hostByAddress_.end()) {
            hostByAddress_.emplace_back(address, static_cast<HostId>(i));
        } else {
            known->second = kShared;
        }
    }
    for (const LinkConfig& config : scenario.network.links) {
        const std::size_t index = link(static_cast<HostId>(scenario.hostIndex(config.from)),
                                       static_cast<HostId>(scenario.hostIndex(config.to)));
        linkDelay_[index] = config.delay;
        linkLoss_[index] = config.loss;
    }
}

HostId Network::routeShared(const Segment& segment, const std::vector<Host>& hosts) const {
    HostId first = kNoHost;
    HostId listening = kNoHost;
    const FourTuple key{segment.dst, segment.src};
    for (std::size_t i = 0; i < hosts.size(); ++i) {
        const Host& host = hosts[i];
        if (host.info.address != segment.dst.address) {
            continue;
        }
        // Several hosts behind one address (NAT): the one that knows the connection wins.
        if (host.connections.contains(key) || host.timeWaits.contains(key)) {
            return static_cast<HostId>(i);
        }
        if (listening == kNoHost && host.listeners.contains(segment.dst.port)) {
            listening = static_cast<HostId>(i);
        }
        if (first == kNoHost) {
            first = static_cast<HostId>(i);
        }
    }
    return listening != kNoHost ? listening : first;
}

const FaultRule* Network::matchFault(HostId from, HostId to, const Segment& segment,
                                     std::uint32_t ordinal, std::size_t& ruleIndex,
                                     const std::vector<Host>& hosts,
                                     const absl::flat_hash_map<SocketId, std::string>& socketNames,
                                     const absl::flat_hash_map<SocketId, Seq>& isns) {
    static const std::string unrouted;
    const std::string& fromName = hosts[from].info.name;
    const std::string& toName = to == kNoHost ? unrouted : hosts[to].info.name;
    // socketNames remembers every named incarnation, and isns every ISN, also after the socket
    // is gone: a TIME_WAIT record sends with its socket's id.
    const auto socketName = [&]() -> const std::string* {
        const auto name = socketNames.find(segment.sender);
        return name != socketNames.end() ? &name->second : nullptr;
    };
    const auto senderIsn = [&]() -> std::optional<Seq> {
        const auto isn = isns.find(segment.sender);
        return isn != isns.end() ? std::optional<Seq>(isn->second) : std::nullopt;
    };
    const FaultRule* chosen = nullptr;
    for (std::size_t i = 0; i < (*faults_).size(); ++i) {
        const FaultRule& rule = (*faults_)[i];
        if (!faultRulePicks(rule, fromName, toName, segment, ordinal, socketName, senderIsn)) {
            continue;
        }
        const std::uint32_t seen = ++faultMatches_[i];
        if (chosen == nullptr && (rule.nth == 0 || rule.nth == seen)) {
            chosen = &rule;
            ruleIndex = i;
        }
    }
    return chosen;
}

} // namespace tdl
