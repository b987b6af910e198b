// 简体中文: keys. Same keys as the English file; a missing or extra key fails to compile.
import type { keys as en } from '../en/keys';

export const keys: Record<keyof typeof en, string> = {
  'keys.title': '键盘快捷键',
  'keys.open': '快捷键',
  'keys.close': '关闭',
  'keys.columnKeys': '按键',
  'keys.columnAction': '操作',
  'keys.or': '或',
  'keys.send': '发送消息',
  'keys.preset': '发送快捷预设 1 至 9（按预设列表中的顺序）',
  'keys.find': '在通信日志中查找',
  'keys.clearLog': '清空当前会话的日志',
  'keys.newSession': '新建会话',
  'keys.sheet': '显示此列表',
  'keys.history': '上一条和下一条消息',
  'keys.inMessage': '在“消息”框中',
  'keys.findStep': '下一个和上一个匹配',
  'keys.findClear': '清空“查找”框',
  'keys.inFind': '在“查找”框中',
  'keys.closeHint': '按 Esc 关闭此列表。',
  'keys.browserNote': '在浏览器标签页中，{chord} 可能会打开新的浏览器窗口：请改用“新建会话”按钮。',
  'keys.noPreset': '没有预设 {number}。',
  'keys.presetNotSent': '预设 {name} 未发送：{reason}',
  'keys.presetOffline': '预设 {name} 未发送：与引擎的连接已断开。',
};
