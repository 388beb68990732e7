<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Show nnsim in {language}</source>
        <translation>以{language}显示 nnsim</translation>
    </message>
    <message>
        <source>No installed font covers Chinese, so Chinese text shows as boxes: install one (Debian/Ubuntu: sudo apt-get install fonts-noto-cjk) and start nnsim again.</source>
        <translation>没有安装覆盖中文的字体，中文会显示为方框：请安装一个（Debian/Ubuntu：sudo apt-get install fonts-noto-cjk），然后重新启动 nnsim。</translation>
    </message>
</context>
</TS>
