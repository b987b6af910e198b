// 简体中文: errors (the engine's sentence for each socket or resolver failure). Same keys as the
// English file; a missing or extra key fails to compile.
import type { errors as en } from '../en/errors';

export const errors: Record<keyof typeof en, string> = {
  'error.ECONNREFUSED': '{target} 上没有程序在监听。开发板的程序在运行吗？端口对吗？',
  'error.ETIMEDOUT.afterConnect': '到 {target} 的连接超时：开发板不再应答。它还通着电、连在网络上吗？',
  'error.ETIMEDOUT': '{target} 没有应答。开发板通电了吗？在这个网络上吗？地址对吗？',
  'error.ETIMEDOUT.within': '{target} 在 {duration} 内没有应答。开发板通电了吗？在这个网络上吗？地址对吗？',
  'error.ENOTFOUND': '无法解析主机名“{host}”。请检查拼写，或直接输入开发板的 IP 地址。',
  'error.EAI_AGAIN':
    '无法查询主机名“{host}”：没有域名服务器应答。请检查本机的网络，或直接输入开发板的 IP 地址。',
  'error.EAI_FAIL': '域名服务器查询主机名“{host}”失败。请改为输入开发板的 IP 地址。',
  'error.EAI_NODATA': '主机名“{host}”存在，但没有可连接的地址。请改为输入开发板的 IP 地址。',
  'error.ECONNRESET':
    '开发板重置了到 {target} 的连接。它的程序是否崩溃、重启或突然关闭了套接字？请查看它的控制台。',
  'error.EPIPE': '发送时开发板已关闭了到 {target} 的连接。请重新连接，并检查开发板的程序为何关闭了连接。',
  'error.ECONNABORTED': '到 {target} 的连接在本机上被中止。请检查网线和开发板，然后重新连接。',
  'error.EHOSTUNREACH':
    '没有到 {host} 的路由。开发板通电并接入这个网络了吗？本机的 IP 地址在开发板的子网内吗？',
  'error.EHOSTDOWN': '{host} 在网络上没有应答。开发板通电了吗？网线插好了吗？',
  'error.ENETUNREACH': '本机没有到 {host} 的网络路由。网线插好了吗？本机在开发板的网络上有地址吗？',
  'error.ENETDOWN': '本机的网络已断开。网卡启用了吗？网线插好了吗？',
  'error.EMFILE':
    '本机可供 SocketBench 使用的套接字已用尽（打开的连接或文件太多）。请断开一些开发板或关闭其他会话，然后重试。',
  'error.EADDRINUSE.localPort':
    '本地端口 {localPort} 在 {localAddress} 上已被占用。请换一个本地端口，或留空让系统自动选择。',
  'error.EADDRINUSE.localPortHere':
    '本地端口 {localPort} 在本机上已被占用。请换一个本地端口，或留空让系统自动选择。',
  'error.EADDRINUSE': '地址 {target} 已被另一个连接占用。请稍等片刻再连接。',
  'error.EADDRNOTAVAIL.local': '本地地址 {localAddress} 不是本机的地址。请从本机网卡的地址中选一个，或留空。',
  'error.EADDRNOTAVAIL': '从本机无法到达 {target}。请检查开发板的地址。',
  'error.EACCES.localPort': '本地端口 {localPort} 需要管理员权限。请选择大于 1023 的端口，或留空。',
  'error.EACCES': '本机拒绝连接到 {target}。是否被防火墙拦截了？',
  'error.EPERM': '系统阻止了到 {target} 的连接。是否被防火墙或安全软件拦截了？',
  'error.EINVAL.local':
    '本地地址 {localAddress} 无法用于连接 {target}。请选择与主机同类（IPv4 或 IPv6）的本地地址，或留空。',
  'error.EINVAL': '{target} 不是可以建立连接的地址。请检查主机和端口。',
  'error.EAFNOSUPPORT': '本机无法使用这类地址（IPv4 或 IPv6）到达 {target}。请检查主机和本地地址。',
  'error.ENOBUFS': '还有太多数据等待发往 {target}：开发板读取得不够快。请等之前的发送完成。',
  'error.ERR_STREAM_DESTROYED': '到 {target} 的连接在发送前已关闭。请重新连接后再发送。',
  'error.ERR_STREAM_WRITE_AFTER_END': '发送时到 {target} 的连接正在关闭。请重新连接后再发送。',
  'error.ERR_INVALID_IP_ADDRESS': '本地地址“{localAddress}”不是 IP 地址。请输入本机的某个地址，或留空。',
  'error.ERR_SOCKET_BAD_PORT': '端口 {port} 无效：请使用 1 到 65535 之间的数字。',
  'error.listen.EADDRINUSE':
    '端口 {port} 在本机上已被占用：另一个程序（或另一个 SocketBench 会话）正在监听它。请先停止它，或换一个端口。',
  'error.listen.EACCES.privileged':
    '端口 {port} 小于 1024：在 Linux 和 macOS 上只有管理员才能监听这类端口。请选择大于 1024 的端口（例如 8080）。',
  'error.listen.EACCES':
    '本机不允许监听端口 {port}。在 Windows 上该端口可能被系统保留（netsh interface ipv4 show excludedportrange protocol=tcp 可列出这些端口），或被安全软件拦截。请换一个端口。',
  'error.listen.EADDRNOTAVAIL':
    '{address} 不是本机的地址，无法在其上监听。请选择本机的某个地址，或所有接口。',
  'error.listen.EAFNOSUPPORT':
    '本机没有 {family} 网络，无法在 {address} 上监听。请选择其他地址，或所有接口。',
  'error.listen.EINVAL': '无法在 {address} 上监听。请选择本机的某个地址，或所有接口。',
  'error.listen.ENOTFOUND': '无法解析本地地址“{address}”。请选择本机的某个地址，或所有接口。',
  'error.listen.ERR_SOCKET_BAD_PORT':
    '端口 {port} 无效：请使用 0 到 65535 之间的数字（0 表示由系统选择空闲端口）。',
  'error.udp.EADDRINUSE':
    'UDP 端口 {localPort} 在本机上已被占用：另一个程序（或另一个 SocketBench 会话）已打开它。请关闭它，或换一个本地端口（0 表示任选空闲端口）。',
  'error.udp.EACCES.privileged':
    '本地端口 {localPort} 小于 1024：在 Linux 和 macOS 上只有管理员才能使用这类端口。请选择大于 1024 的本地端口，或填 0 任选空闲端口。',
  'error.udp.EACCES.bind': '本机不允许打开 UDP 端口 {localPort}。可能被安全软件拦截；请换一个本地端口。',
  'error.udp.EACCES.broadcast': '{host} 是广播地址：请为此会话打开“广播”后再向它发送。',
  'error.udp.EADDRNOTAVAIL.bind': '{address} 不是本机的地址。请选择本机的某个地址，或将本地地址留空。',
  'error.udp.EADDRNOTAVAIL':
    '从此套接字的本地地址 {localAddress} 无法到达 {target}。请选择开发板所在网络上的本地地址，或留空。',
  'error.udp.EMSGSIZE':
    '本机拒绝向 {target} 发送这么大的数据报：超出了此处单个 UDP 数据报的上限（macOS 默认允许 9,216 字节）。请分成较小的几段发送。',
  'error.udp.ENOBUFS': '还有太多数据报等待发往 {target}。请等之前的发送完成后再发送。',
  'error.udp.noFraming': 'UDP 会话把每个数据报显示为一条消息，因此没有分帧。分帧用于拆分 TCP 数据流。',
  'error.udp.notMulticast':
    '{group} 不是组播组地址：IPv4 组播组从 224.0.0.0 到 239.255.255.255（239.x.y.z 供本地使用），IPv6 组播组以 ff 开头。',
  'error.udp.notOpen.failed': 'UDP 套接字没有打开：它出错了（{code}）。请点“打开”，然后再发送。',
  'error.udp.notOpen.closed': 'UDP 套接字没有打开：它已关闭。请点“打开”，然后再发送。',
  'error.udp.noRemote':
    '此 UDP 会话没有设置远程主机和端口。请在“远程主机”和“远程端口”中输入开发板的地址，或回复最后的发送方。',
  'error.udp.noLastSender':
    '还没有收到任何数据报，所以没有可回复的最后发送方。请等开发板发来一个，或在“远程主机”和“远程端口”中输入它的地址。',
  'error.udp.serverTarget': 'UDP 会话只能发送到某个地址或最后的发送方；“{kind}”是 TCP 服务器的发送目标。',
  'error.udp.ipv4Only':
    '此 UDP 套接字是 IPv4 的，无法发送到 IPv6 地址 {address}。请设置一个 IPv6 本地地址（或留空并输入 IPv6 远程主机），然后重新打开。',
  'error.udp.tooLarge':
    '此数据报有 {bytes} 字节，而基于 IPv{family} 的单个 UDP 数据报最多只能承载 {limit} 字节。未发送任何内容：请分成较小的几段发送，或改用 TCP。',
  'error.multicast.notLocal':
    '无法在 {iface} 上加入组播组 {group}：它不是本机某个接口的地址。请选择本机的某个地址，或将接口留空。',
  'error.multicast.noInterface':
    '无法加入组播组 {group}：本机目前没有能接收组播的接口（它连上网络了吗？）。请选择一个接口地址。',
  'error.multicast.family': '无法加入组播组 {group}：组播组、接口和本地地址必须全是 IPv4 或全是 IPv6。',
  'error.multicast.family.on':
    '无法在 {iface} 上加入组播组 {group}：组播组、接口和本地地址必须全是 IPv4 或全是 IPv6。',
  'error.multicast.tooMany':
    '无法加入组播组 {group}：本机在该套接字上加入的组播组已达上限。请关闭其他组播会话，然后重新打开这个会话。',
  'error.multicast.tooMany.on':
    '无法在 {iface} 上加入组播组 {group}：本机在该套接字上加入的组播组已达上限。请关闭其他组播会话，然后重新打开这个会话。',
  'error.multicast.other': '无法加入组播组 {group}：{reason}',
  'error.multicast.other.on': '无法在 {iface} 上加入组播组 {group}：{reason}',
  'error.reconnect.closed_one': '开发板关闭了连接。尝试 {count} 次后已放弃。',
  'error.reconnect.closed_other': '开发板关闭了连接。尝试 {count} 次后已放弃。',
  'error.reconnect.gaveUp_one': '{reason} 尝试 {count} 次后已放弃。',
  'error.reconnect.gaveUp_other': '{reason} 尝试 {count} 次后已放弃。',
  'error.session.unknown': '没有会话“{id}”：它已关闭，或引擎已重启。请重新打开连接。',
  'error.session.kind.tcp-client': 'TCP 客户端',
  'error.session.kind.tcp-server': 'TCP 服务器',
  'error.session.kind.udp': 'UDP 套接字',
  'error.session.notServer.clients': '只有 TCP 服务器会话才有可断开的客户端。此会话是{kind}。',
  'error.session.notServer.selfTest':
    '自检用于确认开发板能连到正在监听的 TCP 服务器；请在 TCP 服务器会话上运行。此会话是{kind}。',
  'error.session.closedWhileStarting': '会话在启动过程中被关闭了。',
  'error.session.emptyName': '会话名称不能为空。',
  'error.engine.noNewSessions': '引擎正在关闭，不能再新建会话。',
  'error.engine.shuttingDown': '引擎正在关闭。',
  'error.engine.notAttached': '引擎尚未接入这个连接。',
  'error.engine.notAttachedWindow': '引擎尚未接入这个窗口。',
  'error.engine.foreignFrame': '此请求不是来自 SocketBench 窗口。',
  'error.engine.failed': 'SocketBench 在执行“{method}”时意外出错。{reason}',
  'error.engine.failedReport': 'SocketBench 在执行“{method}”时意外出错。请报告此问题，并说明当时在做什么。',
  'error.engine.noAnswer': '请求“{method}”没有送达引擎或没有得到应答。请重新加载窗口以重新连接。',
  'error.engine.noAnswerBecause':
    '请求“{method}”没有送达引擎或没有得到应答（{reason}）。请重新加载窗口以重新连接。',
  'error.selfTest.notListening': '服务器没有在监听，没有可测试的内容。请点“监听”，然后再运行自检。',
  'error.selfTest.ETIMEDOUT':
    '无法通过 {address} 连到监听端：连接超时，这通常表示本机的防火墙丢弃了端口 {port} 上的传入连接。',
  'error.selfTest.ECONNREFUSED':
    '无法通过 {address} 连到监听端：连接被拒绝，这通常表示本机的防火墙拒绝了端口 {port} 上的传入连接。',
  'error.selfTest.EACCES':
    '无法通过 {address} 连到监听端：本机阻止了该连接，这通常表示防火墙或安全软件禁止了端口 {port}。',
  'error.selfTest.noRoute':
    '无法通过 {address} 连到监听端：本机目前没有到该地址的路由。那个网络适配器启用了吗？',
  'error.selfTest.other': '无法通过 {address} 连到监听端：{reason}',
  'error.capture.notFullPath': '“{path}”不是完整路径。请给出完整路径，例如 {example}',
  'error.capture.EISDIR': '无法保存到“{path}”：它是一个文件夹。请选择一个文件名。',
  'error.capture.ENOENT': '无法保存到“{path}”：它所在的文件夹不存在。',
  'error.capture.ENOTDIR': '无法保存到“{path}”：路径中有一部分是文件，而不是文件夹。',
  'error.capture.EACCES': '无法保存到“{path}”：没有权限。请选择一个你可以写入的文件夹。',
  'error.capture.EEXIST':
    '无法保存到“{path}”：文件已存在，而保存到文件从不覆盖已有文件。请选择一个新文件名。',
  'error.capture.EROFS': '无法保存到“{path}”：磁盘是只读的。',
  'error.capture.ENOSPC': '保存到“{path}”已停止：磁盘已满。',
  'error.capture.failed': '保存到“{path}”失败：{reason}',
  'error.capture.behind':
    '保存到“{path}”已停止：磁盘写入落后于通信 {mib} MiB。文件中保留了到那一刻为止的全部内容。',
  'error.capture.fileExists':
    '无法保存到“{path}”：文件“{file}”已存在，而保存到文件从不覆盖已有文件。请选择一个新文件名。',
  'error.capture.indexExists':
    '无法保存到“{path}”：之前某次保存的索引文件“{file}”已存在，而保存到文件从不覆盖已有文件。请选择一个新文件名。',
  'error.capture.already': '此会话已经在保存到文件。请先停止那次保存。',
  'error.capture.alreadyTo': '此会话已经在保存到“{path}”。请先停止那次保存。',
  'error.capture.closedWhileStarting': '会话在开始保存到文件时被关闭了；文件中没有任何内容。',
  'error.capture.none': '此会话没有可停止的保存到文件。',
  'error.task.interval': '定时发送的间隔至少为 1 ms。',
  'error.task.unknown': '此会话上没有正在运行的任务“{taskId}”：它可能已经结束。',
  'error.task.tooMany': '此会话已在运行 {max} 个任务。请先停止一个。',
  'error.server.notListening': '服务器没有在监听。请点“监听”，等开发板连上后再发送。',
  'error.server.noClient': '还没有开发板连到此服务器。请等它出现在“客户端”中，然后再发送。',
  'error.server.unknownClient': '没有开发板 {peer} 连在此服务器上：它可能已断开。请从“客户端”中选择一个。',
  'error.server.clientClosing': '{peer} 正在断开；不能再向它发送任何内容。',
  'error.server.udpTarget': 'TCP 服务器只能发送给它的某个客户端或所有客户端；“{kind}”是 UDP 的发送目标。',
  'error.server.slowOne': '未发送到 {peer}：还有太多数据等着发给这块开发板，它读取得不够快。{others}',
  'error.server.slowMany':
    '未发送到 {peer} 及另外 {more} 个开发板：还有太多数据等着发给这些开发板，它们读取得不够快。{others}',
  'error.server.noneGot': '没有客户端收到。',
  'error.server.othersGot_one': '其余 {count} 个客户端已收到。',
  'error.server.othersGot_other': '其余 {count} 个客户端已收到。',
  'error.client.otherTarget': 'TCP 客户端会话只发送给它连接的开发板（{target}）；它没有“{kind}”发送目标。',
  'error.client.connecting': '仍在连接 {target}。请等显示“已连接”后再发送。',
  'error.client.reconnecting': '到 {target} 的连接已断开，正在重连。显示“已连接”后请再发送。',
  'error.client.reconnectingAt':
    '到 {target} 的连接已断开，正在重连（下次尝试在 {time}）。显示“已连接”后请再发送。',
  'error.client.failed': '未连接到 {target}：连接失败（{code}）。请重新连接后再发送。',
  'error.client.closed': '未连接到 {target}：连接已关闭。请重新连接后再发送。',
  'error.board.esp8266Target': '模拟 ESP8266 会连接到 TCP 服务器：请给出一个正在监听的会话的主机和端口。',
  'error.board.notLoopback': '模拟开发板只在本机上运行：{host} 不是回环地址。',
  'error.board.unknown': '没有模拟开发板“{id}”：它已经停止了。',
};
