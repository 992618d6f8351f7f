package com.salesledger.platform;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** Imported by both apps: everything under this package that no feature owns. */
@Configuration(proxyBeanMethods = false)
@ComponentScan
public class PlatformConfiguration {}
