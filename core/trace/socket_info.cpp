#include "socket_info.h"

namespace tdl {

std::string_view socketRoleKey(SocketRole role) {
    switch (role) {
    case SocketRole::Listener:
        return "listener";
    case SocketRole::Active:
        return "active";
    case SocketRole::Passive:
        return "passive";
    }
    return "";
}

} // namespace tdl
