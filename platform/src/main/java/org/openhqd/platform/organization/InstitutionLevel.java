package org.openhqd.platform.organization;

/** 医院等级: 三级, 二级, 一级, 基层 (primary care). */
public enum InstitutionLevel { LEVEL_3, LEVEL_2, LEVEL_1, PRIMARY }
