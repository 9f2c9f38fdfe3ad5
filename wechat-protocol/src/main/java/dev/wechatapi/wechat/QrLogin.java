package dev.wechatapi.wechat;

import java.net.URI;

/**
 * A QR code waiting to be scanned.
 *
 * @param uuid WeChat's id of this login attempt
 * @param qrContent what the QR code encodes (render it locally)
 * @param qrImage where WeChat serves a ready-made image of it
 */
public record QrLogin(String uuid, String qrContent, URI qrImage) {}
