#pragma once

// The network between the hosts: one-way delay and loss per direction, which host answers on an
// address (several behind one: NAT), and the scenario's fault rules.

#include "host.h"
#include "net_types.h"
#include "scenario.h"
#include "segment.h"
#include "seq.h"

#include <absl/container/flat_hash_map.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace tdl {

class Network {
public:
    Network() = default;
    // The scenario has passed checkScenario() (scenario_check.h): every link names its hosts.
    explicit Network(const Scenario& scenario);

    // The host a segment reaches, or kNoHost if no host has its destination address. Inline:
    // every segment asks, and the answer is one host but behind NAT (routeShared()).
    HostId route(const Segment& segment, const std::vector<Host>& hosts) const {
        for (const auto& [address, host] : hostByAddress_) {
            if (address == segment.dst.address) {
                return host != kShared ? host : routeShared(segment, hosts);
            }
        }
        return kNoHost;
    }
    Duration delay(HostId from, HostId to) const { return linkDelay_[link(from, to)]; }
    double loss(HostId from, HostId to) const { return linkLoss_[link(from, to)]; }

    bool hasFaults() const { return !faults_->empty(); }
    // Whether a fault rule names a segment by its relative sequence number: only then does the
    // stack keep each incarnation's ISN for matchFault().
    bool faultsNeedIsns() const { return faultsNeedIsns_; }
    // The first fault rule that picks this segment (its 0-based index in ruleIndex), or nullptr.
    // Every rule the segment matches counts the match, for rules that pick the nth. Called once
    // per transmission: a duplicate rule's copy does not come here again.
    const FaultRule* matchFault(HostId from, HostId to, const Segment& segment,
                                std::uint32_t ordinal, std::size_t& ruleIndex,
                                const std::vector<Host>& hosts,
                                const absl::flat_hash_map<SocketId, std::string>& socketNames,
                                const absl::flat_hash_map<SocketId, Seq>& isns);

private:
    // route() for an address several hosts share: the one that knows the connection, else the one
    // listening on the port, else the first.
    HostId routeShared(const Segment& segment, const std::vector<Host>& hosts) const;
    std::size_t link(HostId from, HostId to) const { return std::size_t{from} * hostCount_ + to; }

    const std::vector<FaultRule>* faults_ = nullptr;
    std::size_t hostCount_ = 0;
    // Per direction, from the network's defaults and its links: [from * hosts + to].
    std::vector<Duration> linkDelay_;
    std::vector<double> linkLoss_;
    // Each address's host, or kShared when several hosts sit behind it (NAT). A scenario has a
    // handful of hosts: a short list beats a hash table for every segment sent.
    std::vector<std::pair<Ipv4, HostId>> hostByAddress_;
    static constexpr HostId kShared = kNoHost - 1;
    std::vector<std::uint32_t> faultMatches_;
    bool faultsNeedIsns_ = false;
};

} // namespace tdl
