/** The echo bot, the smallest complete application on the handler SDK. */
package dev.wechatapi.examples.echobot;
