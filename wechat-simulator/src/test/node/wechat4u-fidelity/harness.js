// Drives the unmodified wechat4u client against the wechat-api simulator and reports what it sees, one JSON
// object per line on stdout. Only the transport is redirected: every https://<wechat host>/path request goes to
// the simulator's origin instead (wechat4u hard-codes WeChat's hosts and https).
//
// Usage: node harness.js <simulator base url> <image file to send>
// The harness replies to a received text "ping <n>" with the text "pong <n>", and to "send image" with the image.
'use strict'
const fs = require('fs')
const path = require('path')
const Wechat = require('wechat4u')

const simulator = new URL(process.argv[2])
const imageFile = process.argv[3]
const report = (event, data) => process.stdout.write(JSON.stringify(Object.assign({event}, data)) + '\n')

const bot = new Wechat()
const send = bot.request
bot.request = options => {
  if (options.url && options.url.startsWith('https://')) {
    const target = new URL(options.url)
    options = Object.assign({}, options, {url: simulator.origin + target.pathname + target.search})
  }
  return send(options)
}

bot.on('uuid', uuid => report('uuid', {uuid}))
bot.on('user-avatar', avatar => report('avatar', {length: avatar.length}))
bot.on('login', () => report('login', {userName: bot.user.UserName, nickName: bot.user.NickName}))
bot.on('contacts-updated', contacts => report('contacts', {
  count: Object.keys(bot.contacts).length,
  names: contacts.map(c => c.NickName)
}))
bot.on('logout', () => report('logout', {}))
bot.on('error', err => report('error', {message: String(err && (err.tips || err.message) || err)}))
bot.on('message', msg => {
  const from = bot.contacts[msg.FromUserName]
  const group = msg.FromUserName.startsWith('@@')
  report('message', {
    msgType: msg.MsgType,
    msgId: msg.MsgId,
    from: from ? from.NickName : msg.FromUserName,
    group,
    member: group && from ? from.getDisplayName && msg.OriginalContent.split(':')[0] : null,
    content: msg.MsgType === bot.CONF.MSGTYPE_TEXT ? msg.Content : null
  })
  if (msg.MsgType === bot.CONF.MSGTYPE_IMAGE) {
    bot.getMsgImg(msg.MsgId)
      .then(image => report('image', {msgId: msg.MsgId, bytes: image.data.length, type: image.type}))
      .catch(err => report('error', {message: 'image download failed: ' + err}))
  }
  if (msg.MsgType !== bot.CONF.MSGTYPE_TEXT || group) {
    return
  }
  const ping = /^ping (.+)$/.exec(msg.Content)
  if (ping) {
    bot.sendMsg('pong ' + ping[1], msg.FromUserName)
      .then(res => report('sent', {kind: 'text', msgId: res.MsgID}))
      .catch(err => report('error', {message: 'text send failed: ' + err}))
  } else if (msg.Content === 'send image') {
    bot.sendMsg({file: fs.createReadStream(imageFile), filename: path.basename(imageFile)}, msg.FromUserName)
      .then(res => report('sent', {kind: 'image', msgId: res.MsgID}))
      .catch(err => report('error', {message: 'image send failed: ' + err}))
  }
})

bot.start()
process.stdin.on('end', () => { bot.stop(); process.exit(0) })
process.stdin.resume()
