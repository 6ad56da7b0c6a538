import net from 'node:net';

/**
 * True when `address` (a socket's remote address) is this machine: 127.0.0.0/8, ::1, or an
 * IPv4-mapped IPv6 loopback (::ffff:127.x.x.x). Never read from headers such as X-Forwarded-For,
 * which any caller can set.
 */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  const ip = mapped ? mapped[1]! : address;
  if (net.isIPv4(ip)) return ip.split('.')[0] === '127';
  if (net.isIPv6(ip)) return /^(0{0,4}:){7}0{0,3}1$|^::1$/.test(ip);
  return false;
}
