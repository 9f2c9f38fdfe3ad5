package dev.wechatapi.archive.web;

/** The contract's error shape. */
public record ErrorBody(String errmsg, String code) {}
