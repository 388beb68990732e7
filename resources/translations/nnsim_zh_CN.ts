<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>Play / pause training</source>
        <translation>播放 / 暂停训练</translation>
    </message>
    <message>
        <source>→ or S</source>
        <translation>→ 或 S</translation>
    </message>
    <message>
        <source>Train one mini-batch</source>
        <translation>训练一个小批量</translation>
    </message>
    <message>
        <source>Reset to the initial weights</source>
        <translation>重置为初始权重</translation>
    </message>
    <message>
        <source>Train slower / faster (the speed slider)</source>
        <translation>训练变慢 / 变快（速度滑块）</translation>
    </message>
    <message>
        <source>New, open, save an experiment</source>
        <translation>新建、打开、保存实验</translation>
    </message>
    <message>
        <source>Find a learning rate (the range test)</source>
        <translation>寻找学习率（学习率范围测试）</translation>
    </message>
    <message>
        <source>Compare runs that differ in one setting</source>
        <translation>对比只有一项设置不同的几次运行</translation>
    </message>
    <message>
        <source>The loss landscape around the weights</source>
        <translation>权重周围的损失地形</translation>
    </message>
    <message>
        <source>Optimizer paths on 2-D surfaces</source>
        <translation>优化器在二维曲面上的路径</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>全屏</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Import CSV data…</source>
        <translation>导入 CSV 数据(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Python script…</source>
        <translation>Python 脚本(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Figure…</source>
        <translation>图片(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Metrics CSV…</source>
        <translation>指标 CSV(&amp;M)…</translation>
    </message>
    <message>
        <source>Every step of the run so far, as the metrics.csv of nnsim run</source>
        <translation>本次运行至今的每一步，格式与 nnsim run 的 metrics.csv 相同</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>Find &amp;learning rate…</source>
        <translation>寻找学习率(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Compare…</source>
        <translation>对比(&amp;C)…</translation>
    </message>
    <message>
        <source>Loss &amp;landscape…</source>
        <translation>损失地形(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Surfaces…</source>
        <translation>曲面(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About nnsim</source>
        <translation>关于 nnsim(&amp;A)</translation>
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
        <source>An export is still being written; try again in a moment</source>
        <translation>上一次导出仍在写入，请稍后再试</translation>
    </message>
    <message>
        <source>A figure is still being written; try again in a moment</source>
        <translation>上一张图片仍在写入，请稍后再试</translation>
    </message>
    <message>
        <source>Export the metrics</source>
        <translation>导出指标</translation>
    </message>
    <message>
        <source>Exported the metrics of 1 step to {path}</source>
        <translation>已将 1 步的指标导出到 {path}</translation>
    </message>
    <message>
        <source>Exported the metrics of {rows} steps to {path}</source>
        <translation>已将 {rows} 步的指标导出到 {path}</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>About nnsim</source>
        <translation>关于 nnsim</translation>
    </message>
    <message>
        <source>&lt;h3&gt;nnsim {version}&lt;/h3&gt;&lt;p&gt;Watch a neural network learn: backpropagation, gradient descent and the learning rate, live.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;nnsim {version}&lt;/h3&gt;&lt;p&gt;亲眼看神经网络如何学习：反向传播、梯度下降和学习率，实时呈现。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>No installed font covers Chinese, so Chinese text shows as boxes: install one (Debian/Ubuntu: sudo apt-get install fonts-noto-cjk) and start nnsim again.</source>
        <translation>没有安装覆盖中文的字体，中文会显示为方框：请安装一个（Debian/Ubuntu：sudo apt-get install fonts-noto-cjk），然后重新启动 nnsim。</translation>
    </message>
    <message>
        <source>… and {count} more (Show Details…)</source>
        <translation>……还有 {count} 条（点“显示详情…”查看）</translation>
    </message>
    <message>
        <source>Could not open experiment</source>
        <translation>无法打开实验</translation>
    </message>
    <message>
        <source>nnsim could not open {file}: it is not an nnsim experiment, or one with errors. The window shows the default experiment instead.</source>
        <translation>nnsim 无法打开 {file}：它不是 nnsim 实验文件，或者其中有错误。窗口改为显示默认实验。</translation>
    </message>
    <message>
        <source>No such file or directory</source>
        <translation>文件或文件夹不存在</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>没有权限</translation>
    </message>
    <message>
        <source>Is a directory</source>
        <translation>这是一个文件夹</translation>
    </message>
    <message>
        <source>Not a directory</source>
        <translation>不是文件夹</translation>
    </message>
    <message>
        <source>File exists</source>
        <translation>文件已存在</translation>
    </message>
    <message>
        <source>No space left on device</source>
        <translation>磁盘空间不足</translation>
    </message>
    <message>
        <source>Read-only file system</source>
        <translation>文件系统为只读</translation>
    </message>
    <message>
        <source>File name too long</source>
        <translation>文件名太长</translation>
    </message>
    <message>
        <source>Disk quota exceeded</source>
        <translation>超出磁盘配额</translation>
    </message>
    <message>
        <source>Find a learning rate</source>
        <translation>寻找学习率</translation>
    </message>
    <message>
        <source>The range test (L. Smith, 2015): a copy of the network trains one mini-batch per step while the learning rate grows ten-fold every few steps, from 1e-7 to 10. Where the loss falls fastest is a good rate; where it blows up is too much. Your network and its training are not touched.</source>
        <translation>学习率范围测试（L. Smith，2015）：网络的一个副本每步训练一个小批量，学习率每隔几步增大十倍，从 1e-7 增加到 10。损失下降最快的地方是好的学习率；损失暴涨的地方则太大了。你的网络和它的训练不受影响。</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>smoothed loss</source>
        <translation>平滑后的损失</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Run the range test on the experiment as it is now.</source>
        <translation>在当前的实验上运行学习率范围测试。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop the test; what it measured so far stays.</source>
        <translation>停止测试；已测得的结果会保留。</translation>
    </message>
    <message>
        <source>Training the copy…</source>
        <translation>正在训练副本…</translation>
    </message>
    <message>
        <source>Run again</source>
        <translation>再次运行</translation>
    </message>
    <message>
        <source>Range test: {result}.</source>
        <translation>范围测试：{result}。</translation>
    </message>
    <message>
        <source>Range test: {result}. Too few steps to suggest a rate: run it again to the end.</source>
        <translation>范围测试：{result}。步数太少，无法给出建议的学习率：请再运行一次，直到结束。</translation>
    </message>
    <message>
        <source>Use {lr:.3g}</source>
        <translation>使用 {lr:.3g}</translation>
    </message>
    <message>
        <source>Not applied: {problem}</source>
        <translation>未应用：{problem}</translation>
    </message>
    <message>
        <source>The learning rate is now {lr:g}.</source>
        <translation>学习率现在是 {lr:g}。</translation>
    </message>
    <message>
        <source>New weights, back to step 0: {reason}.</source>
        <translation>新的权重，回到第 0 步：{reason}。</translation>
    </message>
    <message>
        <source>Untitled experiment</source>
        <translation>未命名实验</translation>
    </message>
    <message>
        <source>Training diverged: reset (R) or lower the learning rate first.</source>
        <translation>训练已发散：请先重置（R）或降低学习率。</translation>
    </message>
    <message>
        <source>The training process stopped ({reason}); a new one was started with your experiment, at step 0.</source>
        <translation>训练进程已停止（{reason}）；已用你的实验从第 0 步启动了一个新进程。</translation>
    </message>
    <message>
        <source>Internal error: {error} (details in {log})</source>
        <translation>内部错误：{error}（详情见 {log}）</translation>
    </message>
    <message>
        <source>How fast Play trains, in steps per second. At 30 or fewer every step is drawn: watch
the boundary move and the loss fall step by step. “max” trains as fast as it can.
{slower} slower, {faster} faster. Saved with the experiment (not used by nnsim run).</source>
        <translation>“播放”时的训练速度，单位是每秒步数。每秒 30 步或更少时，每一步都会画出来：
可以一步一步地看决策边界移动、损失下降。“最快”则尽可能快地训练。
{slower} 变慢，{faster} 变快。随实验一起保存（nnsim run 不使用）。</translation>
    </message>
    <message>
        <source>max</source>
        <comment>the speed slider: as fast as it can</comment>
        <translation>最快</translation>
    </message>
    <message>
        <source>1 step/s</source>
        <translation>1 步/秒</translation>
    </message>
    <message>
        <source>{speed:,} steps/s</source>
        <translation>{speed:,} 步/秒</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Back to the initial weights (R)</source>
        <translation>回到初始权重（R）</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Train continuously (Space)</source>
        <translation>持续训练（Space）</translation>
    </message>
    <message>
        <source>Step</source>
        <comment>the button</comment>
        <translation>单步</translation>
    </message>
    <message>
        <source>Train one mini-batch (→ or S)</source>
        <translation>训练一个小批量（→ 或 S）</translation>
    </message>
    <message>
        <source>The learning rate the next step uses (after the schedule)</source>
        <translation>下一步使用的学习率（已按学习率调度调整）</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Training speed</source>
        <translation>训练速度</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Step {step:,}</source>
        <translation>第 {step:,} 步</translation>
    </message>
    <message>
        <source>Epoch {epoch:,}</source>
        <translation>第 {epoch:,} 轮</translation>
    </message>
    <message>
        <source>Train loss {train} · Test loss {test}</source>
        <translation>训练损失 {train} · 测试损失 {test}</translation>
    </message>
    <message>
        <source> · Test acc. {accuracy:.1%}</source>
        <translation> · 测试准确率 {accuracy:.1%}</translation>
    </message>
    <message>
        <source>{speed:,.0f} steps/s</source>
        <translation>{speed:,.0f} 步/秒</translation>
    </message>
    <message>
        <source>as it is</source>
        <translation>保持原样</translation>
    </message>
    <message>
        <source>Learning rate lowered to {lr:g}; weights reset.</source>
        <translation>学习率已降到 {lr:g}；权重已重置。</translation>
    </message>
    <message>
        <source>Cannot apply “{cure}” to this experiment: {problem}</source>
        <translation>无法对这个实验应用“{cure}”：{problem}</translation>
    </message>
    <message>
        <source>cure for {code}</source>
        <translation>针对 {code} 的对策</translation>
    </message>
    <message>
        <source>{code}, before {cure}</source>
        <translation>{code}，应用 {cure} 之前</translation>
    </message>
    <message>
        <source>New run with {cure} (for {code}); the old run&apos;s test loss stays on the loss plot, faded. Press Play to compare.</source>
        <translation>已用 {cure} 开始新的运行（针对 {code}）；旧运行的测试损失以淡色留在损失图上。按“播放”进行对比。</translation>
    </message>
    <message>
        <source>Compare: {cure} (for {code}) beside the run as it is, both from step 0. “Use this run” makes it the main experiment.</source>
        <translation>对比：{cure}（针对 {code}）与保持原样的运行并排，两者都从第 0 步开始。“使用此运行”会把它设为主实验。</translation>
    </message>
    <message>
        <source>Import CSV data</source>
        <translation>导入 CSV 数据</translation>
    </message>
    <message>
        <source>Could not import {path}:</source>
        <translation>无法导入 {path}：</translation>
    </message>
    <message>
        <source>Imported {data} from {file}</source>
        <translation>已从 {file} 导入 {data}</translation>
    </message>
    <message>
        <source>Could not import {path}: {reason}</source>
        <translation>无法导入 {path}：{reason}</translation>
    </message>
    <message>
        <source>Open experiment</source>
        <translation>打开实验</translation>
    </message>
    <message>
        <source>Could not open {path}: {reason}</source>
        <translation>无法打开 {path}：{reason}</translation>
    </message>
    <message>
        <source>Save experiment</source>
        <translation>保存实验</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>This experiment has unsaved changes. Save them first?</source>
        <translation>这个实验有未保存的更改。要先保存吗？</translation>
    </message>
    <message>
        <source>File not found</source>
        <translation>找不到文件</translation>
    </message>
    <message>
        <source>{path} no longer exists. Remove it from the recent files?</source>
        <translation>{path} 已不存在。要把它从最近打开的文件中移除吗？</translation>
    </message>
    <message>
        <source>Could not open {path}: the file no longer exists</source>
        <translation>无法打开 {path}：文件已不存在</translation>
    </message>
    <message>
        <source>{path}  (missing)</source>
        <translation>{path}  （已丢失）</translation>
    </message>
    <message>
        <source>The file no longer exists</source>
        <translation>文件已不存在</translation>
    </message>
    <message>
        <source>Remove missing files</source>
        <translation>移除已丢失的文件</translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation>清空列表</translation>
    </message>
    <message>
        <source>nnsim experiments ({patterns})</source>
        <translation>nnsim 实验 ({patterns})</translation>
    </message>
    <message>
        <source>CSV files ({patterns})</source>
        <translation>CSV 文件 ({patterns})</translation>
    </message>
    <message>
        <source>Could not open {path}:</source>
        <translation>无法打开 {path}：</translation>
    </message>
    <message>
        <source>Could not save {path}: {reason}</source>
        <translation>无法保存 {path}：{reason}</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Step along the gradient</source>
        <translation>沿梯度的一步</translation>
    </message>
    <message>
        <source>Batch, training and test loss vs step.</source>
        <translation>小批量损失、训练损失和测试损失随步数的变化。</translation>
    </message>
    <message>
        <source>The loss along the next step&apos;s gradient: where the learning rate lands.</source>
        <translation>沿下一步梯度方向的损失：学习率会落在哪里。</translation>
    </message>
    <message>
        <source>(+{count} more lines: hover to read them)</source>
        <translation>（还有 {count} 行：鼠标悬停可查看）</translation>
    </message>
    <message>
        <source>it stopped answering</source>
        <translation>它不再响应</translation>
    </message>
    <message>
        <source>killed by signal {signal}</source>
        <translation>被信号 {signal} 终止</translation>
    </message>
    <message>
        <source>exit code {code}</source>
        <translation>退出码 {code}</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
</TS>
