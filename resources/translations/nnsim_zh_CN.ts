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
        <source>&amp;Report…</source>
        <translation>报告(&amp;R)…</translation>
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
        <source>A report is still being written; try again in a moment</source>
        <translation>报告仍在写入，请稍后再试</translation>
    </message>
    <message>
        <source>No installed font covers Chinese, so Chinese text shows as boxes: install one (Debian/Ubuntu: sudo apt-get install fonts-noto-cjk) and start nnsim again.</source>
        <translation>没有安装覆盖中文的字体，中文会显示为方框：请安装一个（Debian/Ubuntu：sudo apt-get install fonts-noto-cjk），然后重新启动 nnsim。</translation>
    </message>
    <message>
        <source>Decision boundary</source>
        <translation>决策边界</translation>
    </message>
    <message>
        <source>Gradient norms</source>
        <translation>梯度范数</translation>
    </message>
    <message>
        <source>{code} (layer {layer})</source>
        <translation>{code}（第 {layer} 层）</translation>
    </message>
    <message>
        <source>Untitled experiment</source>
        <translation>未命名实验</translation>
    </message>
    <message>
        <source>The window has no {figure}</source>
        <translation>窗口中没有{figure}</translation>
    </message>
    <message>
        <source>The figures are being shown: export the report again</source>
        <translation>正在显示这些图：请再次导出报告</translation>
    </message>
    <message>
        <source>Exported {date} from nnsim {version}</source>
        <translation>{date} 由 nnsim {version} 导出</translation>
    </message>
    <message>
        <source>nnsim report: {name}</source>
        <translation>nnsim 报告：{name}</translation>
    </message>
    <message>
        <source>Training data</source>
        <translation>训练数据</translation>
    </message>
    <message>
        <source>Test data</source>
        <translation>测试数据</translation>
    </message>
    <message>
        <source>Not trained yet: no losses to report.</source>
        <translation>尚未训练：还没有可报告的损失。</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>What the coach saw</source>
        <translation>教练的发现</translation>
    </message>
    <message>
        <source>At step</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>The coach saw nothing wrong.</source>
        <translation>教练没有发现问题。</translation>
    </message>
    <message>
        <source>en</source>
        <comment>the language code of the report&apos;s HTML</comment>
        <translation>zh-CN</translation>
    </message>
    <message>
        <source>sans-serif</source>
        <comment>the report&apos;s CSS font-family</comment>
        <translation>&quot;Noto Sans CJK SC&quot;, &quot;Source Han Sans SC&quot;, &quot;Microsoft YaHei&quot;, &quot;PingFang SC&quot;, sans-serif</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Coach’s diagnoses</source>
        <translation>教练的诊断</translation>
    </message>
    <message>
        <source>Could not encode an image: {why}</source>
        <translation>无法编码图像：{why}</translation>
    </message>
    <message>
        <source>Could not write {path}</source>
        <translation>无法写入 {path}</translation>
    </message>
    <message>
        <source>Unknown report format {format} (pdf or html)</source>
        <translation>未知的报告格式 {format}（应为 pdf 或 html）</translation>
    </message>
    <message>
        <source>Could not write {path}: the folder {folder} does not exist</source>
        <translation>无法写入 {path}：文件夹 {folder} 不存在</translation>
    </message>
    <message>
        <source>Could not write {path}: {why}</source>
        <translation>无法写入 {path}：{why}</translation>
    </message>
    <message>
        <source>Could not export the report: {why}</source>
        <translation>无法导出报告：{why}</translation>
    </message>
    <message>
        <source>Exported the report to {path}</source>
        <translation>已将报告导出到 {path}</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>One page to hand in: the experiment&apos;s settings, the final and best losses and accuracies, the loss and gradient-norm plots, the decision boundary and the coach&apos;s diagnoses, as they are now.</source>
        <translation>一页可提交的报告：包含实验的设置、最终和最佳的损失与准确率、损失图和梯度范数图、决策边界，以及教练的诊断，均为当前状态。</translation>
    </message>
    <message>
        <source>&amp;PDF document (A4, to print or hand in)</source>
        <translation>PDF 文档（A4，可打印或提交）(&amp;P)</translation>
    </message>
    <message>
        <source>Text stays text; the figures are drawn at twice the screen&apos;s pixels</source>
        <translation>文字保持为文字；图以屏幕两倍的像素绘制</translation>
    </message>
    <message>
        <source>&amp;HTML page (one file, opens in any browser)</source>
        <translation>HTML 网页（单个文件，可用任何浏览器打开）(&amp;H)</translation>
    </message>
    <message>
        <source>The figures are inside the file: send it as it is</source>
        <translation>图已嵌入文件中：可直接发送</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>HTML page (*.html)</source>
        <translation>HTML 网页 (*.html)</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>保存报告</translation>
    </message>
    <message>
        <source>binary classification</source>
        <translation>二分类</translation>
    </message>
    <message>
        <source>classification into {classes} classes</source>
        <translation>{classes} 类分类</translation>
    </message>
    <message>
        <source>regression</source>
        <translation>回归</translation>
    </message>
    <message>
        <source>{units} inputs</source>
        <translation>{units} 个输入</translation>
    </message>
    <message>
        <source>batch norm</source>
        <translation>批归一化</translation>
    </message>
    <message>
        <source>dropout {p}</source>
        <translation>Dropout {p}</translation>
    </message>
    <message>
        <source>{title}: {task}; {samples} points, noise {noise}, {train:.0%} for training</source>
        <translation>{title}：{task}；{samples} 个数据点，噪声 {noise}，{train:.0%} 用于训练</translation>
    </message>
    <message>
        <source>per step</source>
        <translation>按步</translation>
    </message>
    <message>
        <source>per epoch</source>
        <translation>按轮</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <source>by norm</source>
        <translation>按范数</translation>
    </message>
    <message>
        <source>by value</source>
        <translation>按数值</translation>
    </message>
    <message>
        <source>all points (full batch)</source>
        <translation>全部数据点（全批量）</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>特征</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Initialisation</source>
        <translation>初始化</translation>
    </message>
    <message>
        <source>Batch normalization</source>
        <translation>批归一化</translation>
    </message>
    <message>
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Learning-rate schedule</source>
        <translation>学习率调度</translation>
    </message>
    <message>
        <source>constant</source>
        <translation>恒定</translation>
    </message>
    <message>
        <source>Regularization</source>
        <translation>正则化</translation>
    </message>
    <message>
        <source>Gradient clipping</source>
        <translation>梯度裁剪</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Trained</source>
        <translation>已训练</translation>
    </message>
    <message>
        <source>{steps} steps ({epochs:.3g} epochs)</source>
        <translation>{steps} 步（{epochs:.3g} 轮）</translation>
    </message>
    <message>
        <source>{value} (step {step})</source>
        <translation>{value}（第 {step} 步）</translation>
    </message>
    <message>
        <source>Final loss</source>
        <translation>最终损失</translation>
    </message>
    <message>
        <source>Best loss</source>
        <translation>最佳损失</translation>
    </message>
    <message>
        <source>Final accuracy</source>
        <translation>最终准确率</translation>
    </message>
    <message>
        <source>Best accuracy</source>
        <translation>最佳准确率</translation>
    </message>
</context>
</TS>
