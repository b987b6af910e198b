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
};
