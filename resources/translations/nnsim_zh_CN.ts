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
        <source>&amp;Report…</source>
        <translation>报告(&amp;R)…</translation>
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
        <source>A report is still being written; try again in a moment</source>
        <translation>报告仍在写入，请稍后再试</translation>
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
        <source>Regression has no accuracy: its output is a number, not a class. See the loss.</source>
        <translation>回归没有准确率：它的输出是一个数，而不是类别。请看损失。</translation>
    </message>
    <message>
        <source>Test (solid) and train (dashed) accuracy, in %.</source>
        <translation>测试准确率（实线）和训练准确率（虚线），单位 %。</translation>
    </message>
    <message>
        <source>accuracy % (test solid, train dashed)</source>
        <translation>准确率 %（测试实线，训练虚线）</translation>
    </message>
    <message>
        <source>gradient norm of layer {layer} (log)</source>
        <translation>第 {layer} 层的梯度范数（对数）</translation>
    </message>
    <message>
        <source>The layer whose gradient norm is drawn. Vanishing gradients show first in layer 1 (farthest from the loss); exploding ones in every layer.</source>
        <translation>画出哪一层的梯度范数。梯度消失最先出现在第 1 层（离损失最远）；梯度爆炸则出现在每一层。</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>layer {layer} (output)</source>
        <translation>第 {layer} 层（输出层）</translation>
    </message>
    <message>
        <source>layer {layer} (first hidden)</source>
        <translation>第 {layer} 层（第一个隐藏层）</translation>
    </message>
    <message>
        <source>layer {layer}</source>
        <translation>第 {layer} 层</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>Gradient norm</source>
        <translation>梯度范数</translation>
    </message>
    <message>
        <source>Test loss (solid) and train loss (dashed) of every run.</source>
        <translation>每次运行的测试损失（实线）和训练损失（虚线）。</translation>
    </message>
    <message>
        <source>One layer&apos;s gradient norm per step, on a log axis.</source>
        <translation>某一层每一步的梯度范数，对数坐标。</translation>
    </message>
    <message>
        <source>η stays at the learning rate.</source>
        <translation>η 保持为学习率不变。</translation>
    </message>
    <message>
        <source>(no scheduler)</source>
        <translation>（无调度器）</translation>
    </message>
    <message>
        <source>inverse time</source>
        <translation>逆时衰减</translation>
    </message>
    <message>
        <source>η falls as 1/t: η₀ / (1 + decay_rate · t / decay_steps).</source>
        <translation>η 按 1/t 下降：η₀ / (1 + decay_rate · t / decay_steps)。</translation>
    </message>
    <message>
        <source>How fast η decays.</source>
        <translation>η 衰减得多快。</translation>
    </message>
    <message>
        <source>decay_rate</source>
        <translation>衰减率</translation>
    </message>
    <message>
        <source>t is counted in units of decay_steps.</source>
        <translation>t 以 decay_steps 为单位计数。</translation>
    </message>
    <message>
        <source>decay_steps</source>
        <translation>衰减步数</translation>
    </message>
    <message>
        <source>Decay in jumps every decay_steps instead of smoothly.</source>
        <translation>每隔 decay_steps 跳跃式衰减，而不是平滑衰减。</translation>
    </message>
    <message>
        <source>staircase</source>
        <translation>阶梯式</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>η is multiplied by gamma every step_size units.</source>
        <translation>每隔 step_size 个单位，η 乘以 γ（gamma）。</translation>
    </message>
    <message>
        <source>Multiply η by gamma every step_size units.</source>
        <translation>每隔 step_size 个单位把 η 乘以 gamma。</translation>
    </message>
    <message>
        <source>step_size</source>
        <translation>间隔</translation>
    </message>
    <message>
        <source>Multiplicative decay of η at each step_size.</source>
        <translation>每个 step_size 处 η 的乘法衰减因子。</translation>
    </message>
    <message>
        <source>exponential</source>
        <translation>指数衰减</translation>
    </message>
    <message>
        <source>η is multiplied by gamma every unit.</source>
        <translation>每个单位 η 乘以 gamma。</translation>
    </message>
    <message>
        <source>Multiplicative decay of η per unit.</source>
        <translation>每个单位 η 的乘法衰减因子。</translation>
    </message>
    <message>
        <source>{run} diverged at step {step}</source>
        <translation>{run} 在第 {step} 步发散</translation>
    </message>
    <message>
        <source>loss (test solid, train dashed)</source>
        <translation>损失（测试实线，训练虚线）</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>How far each step goes along the update direction.</source>
        <translation>每一步沿更新方向走多远。</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Added to the denominator so it is never 0.</source>
        <translation>加在分母上，使分母永不为 0。</translation>
    </message>
    <message>
        <source>Pulls every weight towards 0 by adding λ·θ to the gradient.</source>
        <translation>在梯度上加 λ·θ，把每个权重拉向 0。</translation>
    </message>
    <message>
        <source>weight_decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>学习率调度</translation>
    </message>
    <message>
        <source>schedule</source>
        <translation>学习率调度</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Initialiser</source>
        <translation>初始化</translation>
    </message>
    <message>
        <source>initialiser</source>
        <translation>初始化</translation>
    </message>
    <message>
        <source>Activation (all hidden layers)</source>
        <translation>激活函数（所有隐藏层）</translation>
    </message>
    <message>
        <source>activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>{setting}: {problem}</source>
        <translation>{setting}：{problem}</translation>
    </message>
    <message>
        <source>a value is empty (separate values with commas: 0.01, 0.1)</source>
        <translation>有一个值是空的（值之间用逗号分隔：0.01, 0.1）</translation>
    </message>
    <message>
        <source>{count} value(s): give {low} to {high}, separated by commas</source>
        <translation>给了 {count} 个值：请给 {low} 到 {high} 个，用逗号分隔</translation>
    </message>
    <message>
        <source>{value} is given twice</source>
        <translation>{value} 给了两次</translation>
    </message>
    <message>
        <source>{setting} is both settings: choose another second one, or (nothing)</source>
        <translation>两个设置都是{setting}：请另选第二个设置，或选（无）</translation>
    </message>
    <message>
        <source>final train</source>
        <translation>最终训练损失</translation>
    </message>
    <message>
        <source>best train</source>
        <translation>最佳训练损失</translation>
    </message>
    <message>
        <source>final test</source>
        <translation>最终测试损失</translation>
    </message>
    <message>
        <source>best test</source>
        <translation>最佳测试损失</translation>
    </message>
    <message>
        <source>test acc</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <source>test &lt; threshold at</source>
        <translation>测试损失低于阈值的步</translation>
    </message>
    <message>
        <source>diverged at</source>
        <translation>发散于</translation>
    </message>
    <message>
        <source>what happened</source>
        <translation>发生了什么</translation>
    </message>
    <message>
        <source>The train loss at the last evaluation.</source>
        <translation>最近一次评估时的训练损失。</translation>
    </message>
    <message>
        <source>The lowest train loss evaluated so far.</source>
        <translation>到目前为止评估到的最低训练损失。</translation>
    </message>
    <message>
        <source>The test loss at the last evaluation.</source>
        <translation>最近一次评估时的测试损失。</translation>
    </message>
    <message>
        <source>The lowest test loss evaluated so far.</source>
        <translation>到目前为止评估到的最低测试损失。</translation>
    </message>
    <message>
        <source>The test accuracy at the last evaluation (none for regression).</source>
        <translation>最近一次评估时的测试准确率（回归没有）。</translation>
    </message>
    <message>
        <source>The first evaluated step at which the test loss fell below the threshold.</source>
        <translation>测试损失第一次低于阈值时评估的那一步。</translation>
    </message>
    <message>
        <source>The step at which the run diverged (its loss was no longer finite).</source>
        <translation>运行发散的那一步（损失不再是有限值）。</translation>
    </message>
    <message>
        <source>Why the run stopped, if it diverged.</source>
        <translation>运行发散时，它停下的原因。</translation>
    </message>
    <message>
        <source>The {setting} of each run, in its colour in the plots.</source>
        <translation>每次运行的{setting}，颜色与图中相同。</translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>The setting in which the runs differ.</source>
        <translation>各次运行之间不同的设置。</translation>
    </message>
    <message>
        <source>choose a second setting to make a grid</source>
        <translation>选择第二个设置，组成网格</translation>
    </message>
    <message>
        <source>Vary</source>
        <translation>改变</translation>
    </message>
    <message>
        <source>and</source>
        <comment>vary one setting and another</comment>
        <translation>和</translation>
    </message>
    <message>
        <source>runs of “{title}”: type values of the {setting} and press Enter to vary it instead</source>
        <translation>“{title}”的运行：输入{setting}的值并按 Enter，改为变化它</translation>
    </message>
    <message>
        <source>A second setting that varies too: every combination of the two runs (a grid of at most {count} runs). {nothing}: only the first varies.</source>
        <translation>也要变化的第二个设置：两者的每种组合各运行一次（网格最多 {count} 次运行）。{nothing}：只变化第一个。</translation>
    </message>
    <message>
        <source>2 to 8 values of the {setting}, separated by commas (e.g. {values}); Enter builds the runs.</source>
        <translation>{setting}的 2 到 8 个值，用逗号分隔（例如 {values}）；按 Enter 建立这些运行。</translation>
    </message>
    <message>
        <source>Compare runs</source>
        <translation>对比运行</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Train every run together, one step each at a time.</source>
        <translation>所有运行一起训练，每次各走一步。</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>One mini-batch step of every run.</source>
        <translation>每次运行各走一个小批量步。</translation>
    </message>
    <message>
        <source>The table says when each run&apos;s test loss first fell below this.</source>
        <translation>表格会显示每次运行的测试损失何时第一次低于这个值。</translation>
    </message>
    <message>
        <source>Use this run</source>
        <translation>使用这次运行</translation>
    </message>
    <message>
        <source>Make the selected run&apos;s experiment the main window&apos;s.</source>
        <translation>把选中运行的实验设为主窗口的实验。</translation>
    </message>
    <message>
        <source>test loss threshold</source>
        <translation>测试损失阈值</translation>
    </message>
    <message>
        <source>; </source>
        <comment>between problems</comment>
        <translation>；</translation>
    </message>
    <message>
        <source>Not changed: {problems}. The previous runs are kept.</source>
        <translation>未更改：{problems}。先前的运行保持不变。</translation>
    </message>
    <message>
        <source>Not changed: {problems}.</source>
        <translation>未更改：{problems}。</translation>
    </message>
    <message>
        <source>{runs}: press Play.</source>
        <translation>{runs}：按“播放”开始。</translation>
    </message>
    <message>
        <source>{count} runs differing in {settings}</source>
        <translation>{count} 次运行，{settings}各不相同</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>{runs}, training together.</source>
        <translation>{runs}，正在一起训练。</translation>
    </message>
    <message>
        <source>Every run has diverged.</source>
        <translation>所有运行都已发散。</translation>
    </message>
    <message>
        <source>step {step}</source>
        <translation>第 {step} 步</translation>
    </message>
    <message>
        <source>Not changed: the threshold must be a number &gt; 0, got {text!r}.</source>
        <translation>未更改：阈值必须是大于 0 的数，得到的是 {text!r}。</translation>
    </message>
    <message>
        <source>Not applied: {problem}</source>
        <translation>未应用：{problem}</translation>
    </message>
    <message>
        <source>The main experiment is now the run {run} at step {step}.</source>
        <translation>主实验现在是运行 {run}，从第 {step} 步继续。</translation>
    </message>
    <message>
        <source>The main experiment is now the run {run}.</source>
        <translation>主实验现在是运行 {run}。</translation>
    </message>
    <message>
        <source>loss (log scale)</source>
        <translation>损失（对数刻度）</translation>
    </message>
    <message>
        <source>trajectory</source>
        <translation>轨迹</translation>
    </message>
    <message>
        <source>start</source>
        <translation>起点</translation>
    </message>
    <message>
        <source>current weights</source>
        <translation>当前权重</translation>
    </message>
    <message>
        <source>Try this change beside the run as it is: Compare opens with the two, both from step 0
on the same data and initial weights, playing. “Use this run” there makes it the main
experiment; the run in this window is paused and kept.</source>
        <translation>把这个改动与当前的运行并排试一试：“对比”窗口会打开这两个运行，
都从第 0 步开始，使用相同的数据和初始权重，并开始播放。在那里点“使用此运行”
可把它设为主实验；本窗口中的运行会暂停并保留。</translation>
    </message>
    <message>
        <source>The coach watches the loss, the gradients and the hidden units every 100 steps and says
what it sees: each problem once, with the step it was first seen and its numbers
(the latest on top; hover a row for every number).
The same list is on the loss and gradient plots as dashed amber lines (nnsim run writes it
to diagnosis.json).</source>
        <translation>教练每 100 步检查一次损失、梯度和隐藏层神经元，并说出它看到的问题：
每个问题只说一次，附上首次发现的步数和相关数值
（最新的在最上面；把鼠标停在一行上可看到全部数值）。
损失图和梯度图上的琥珀色虚线标出的是同一份列表（命令行的 nnsim 会把它
写入 diagnosis.json）。</translation>
    </message>
    <message>
        <source>activation = {value}</source>
        <translation>激活函数 = {value}</translation>
    </message>
    <message>
        <source>bad = {value}</source>
        <translation>出错的量 = {value}</translation>
    </message>
    <message>
        <source>dead = {value}</source>
        <translation>死亡神经元 = {value}</translation>
    </message>
    <message>
        <source>explanation = {value}</source>
        <translation>说明 = {value}</translation>
    </message>
    <message>
        <source>fall = {value}</source>
        <translation>降幅 = {value}</translation>
    </message>
    <message>
        <source>first = {value}</source>
        <translation>第一层 = {value}</translation>
    </message>
    <message>
        <source>first_loss = {value}</source>
        <translation>起始损失 = {value}</translation>
    </message>
    <message>
        <source>fraction = {value}</source>
        <translation>比例 = {value}</translation>
    </message>
    <message>
        <source>from = {value}</source>
        <translation>起始值 = {value}</translation>
    </message>
    <message>
        <source>growth = {value}</source>
        <translation>增长倍数 = {value}</translation>
    </message>
    <message>
        <source>last = {value}</source>
        <translation>最后一层 = {value}</translation>
    </message>
    <message>
        <source>loss = {value}</source>
        <translation>损失 = {value}</translation>
    </message>
    <message>
        <source>lr = {value}</source>
        <translation>学习率 = {value}</translation>
    </message>
    <message>
        <source>mean = {value}</source>
        <translation>均值 = {value}</translation>
    </message>
    <message>
        <source>norm = {value}</source>
        <translation>范数 = {value}</translation>
    </message>
    <message>
        <source>ratio = {value}</source>
        <translation>比值 = {value}</translation>
    </message>
    <message>
        <source>relu = {value}</source>
        <translation>ReLU = {value}</translation>
    </message>
    <message>
        <source>rise = {value}</source>
        <translation>升幅 = {value}</translation>
    </message>
    <message>
        <source>saturated = {value}</source>
        <translation>饱和神经元 = {value}</translation>
    </message>
    <message>
        <source>spread = {value}</source>
        <translation>波动幅度 = {value}</translation>
    </message>
    <message>
        <source>test_from = {value}</source>
        <translation>测试损失起点 = {value}</translation>
    </message>
    <message>
        <source>test_to = {value}</source>
        <translation>测试损失终点 = {value}</translation>
    </message>
    <message>
        <source>train_from = {value}</source>
        <translation>训练损失起点 = {value}</translation>
    </message>
    <message>
        <source>train_to = {value}</source>
        <translation>训练损失终点 = {value}</translation>
    </message>
    <message>
        <source>trend = {value}</source>
        <translation>趋势 = {value}</translation>
    </message>
    <message>
        <source>turns = {value}</source>
        <translation>转向次数 = {value}</translation>
    </message>
    <message>
        <source>units = {value}</source>
        <translation>神经元数 = {value}</translation>
    </message>
    <message>
        <source>value = {value}</source>
        <translation>数值 = {value}</translation>
    </message>
    <message>
        <source>window = {value}</source>
        <translation>窗口步数 = {value}</translation>
    </message>
    <message>
        <source>z = {value}</source>
        <translation>z = {value}</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Nothing wrong seen so far: the coach checks every 100 steps.</source>
        <translation>目前没有发现问题：教练每 100 步检查一次。</translation>
    </message>
    <message>
        <source>step {step} · layer {layer}</source>
        <translation>第 {step} 步 · 第 {layer} 层</translation>
    </message>
    <message>
        <source>Try: {cure}</source>
        <translation>试试：{cure}</translation>
    </message>
    <message>
        <source>{code}, first seen at step {step}. Evidence:</source>
        <translation>{code}，首次发现于第 {step} 步。证据：</translation>
    </message>
    <message>
        <source>&lt;b&gt;Coach&lt;/b&gt;</source>
        <translation>&lt;b&gt;教练&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Loss landscape</source>
        <translation>损失地形</translation>
    </message>
    <message>
        <source>The training loss J(θ + α·d₁ + β·d₂) on a plane through the current weights θ (Li et al., 2018). Random directions are filter-normalised: each unit&apos;s incoming weights move as far as they are long, biases stay. PCA directions follow the trajectory training took.</source>
        <translation>经过当前权重 θ 的一个平面上的训练损失 J(θ + α·d₁ + β·d₂)（Li et al., 2018）。随机方向按滤波器归一化：每个单元的输入权重移动的距离与它们自身的长度相同，偏置不动。PCA 方向沿着训练走过的轨迹。</translation>
    </message>
    <message>
        <source>Random (filter-normalised)</source>
        <translation>随机（按滤波器归一化）</translation>
    </message>
    <message>
        <source>PCA of the trajectory</source>
        <translation>轨迹的 PCA</translation>
    </message>
    <message>
        <source>Random: two Gaussian directions, each filter scaled to the weights&apos; own norm.
PCA: the two directions the weights moved along most so far.</source>
        <translation>随机：两个高斯方向，每个滤波器缩放到权重自身的范数。
PCA：到目前为止权重移动最多的两个方向。</translation>
    </message>
    <message>
        <source>Picks the random directions (the same seed, the same plane).</source>
        <translation>决定随机方向（同一个随机种子，同一个平面）。</translation>
    </message>
    <message>
        <source>α and β run from −range to +range (1 = one filter&apos;s length).</source>
        <translation>α 和 β 从 −范围 取到 +范围（1 = 一个滤波器的长度）。</translation>
    </message>
    <message>
        <source>Fit to the trajectory</source>
        <translation>适配轨迹</translation>
    </message>
    <message>
        <source>Choose the range so that the whole trajectory is on the plot.</source>
        <translation>自动选择范围，使整条轨迹都在图上。</translation>
    </message>
    <message>
        <source> × grid</source>
        <translation> 点/边</translation>
    </message>
    <message>
        <source>Grid points along each axis (odd: the centre is a point).</source>
        <translation>每个轴上的网格点数（奇数：中心是一个网格点）。</translation>
    </message>
    <message>
        <source>Follow training</source>
        <translation>跟随训练</translation>
    </message>
    <message>
        <source>Recompute from the newest weights while training runs.</source>
        <translation>训练进行时，用最新的权重重新计算。</translation>
    </message>
    <message>
        <source>1-D slice</source>
        <translation>一维切片</translation>
    </message>
    <message>
        <source>The loss along d₁ through the current weights (β = 0).</source>
        <translation>经过当前权重、沿 d₁ 方向的损失（β = 0）。</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <source>Compute the landscape of the weights on screen now.</source>
        <translation>现在计算屏幕上这组权重的损失地形。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop computing; the last finished grid stays.</source>
        <translation>停止计算；保留上一个算完的网格。</translation>
    </message>
    <message>
        <source>Directions</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>分辨率</translation>
    </message>
    <message>
        <source>Nothing to show yet: the training process has not started.</source>
        <translation>还没有可显示的内容：训练进程尚未开始。</translation>
    </message>
    <message>
        <source>Training diverged ({why}): the loss around these weights is not finite. Reset (R) or lower the learning rate, then train again.</source>
        <translation>训练已发散（{why}）：这组权重周围的损失不是有限值。请重置（R）或降低学习率，然后重新训练。</translation>
    </message>
    <message>
        <source>The weights do not fit the network: {problem}</source>
        <translation>权重与网络不匹配：{problem}</translation>
    </message>
    <message>
        <source>Cancelled after {done} of {total} points; the last finished grid stays.</source>
        <translation>已在算完 {total} 个点中的 {done} 个后取消；保留上一个算完的网格。</translation>
    </message>
    <message>
        <source>α · d₁ (random, seed {seed})</source>
        <translation>α · d₁（随机，随机种子 {seed}）</translation>
    </message>
    <message>
        <source>β · d₂ (random, seed {seed})</source>
        <translation>β · d₂（随机，随机种子 {seed}）</translation>
    </message>
    <message>
        <source>α · PC 1 ({share:.0%} of the trajectory)</source>
        <translation>α · PC 1（轨迹的 {share:.0%}）</translation>
    </message>
    <message>
        <source>β · PC 2 ({share:.0%})</source>
        <translation>β · PC 2（{share:.0%}）</translation>
    </message>
    <message>
        <source>Step {step}: {n}×{n} losses in {seconds:.2f} s. Loss at the current weights (★, the training loss): {centre:.4g}; from {low:.4g} to {high:.4g} on the plane.</source>
        <translation>第 {step} 步：{seconds:.2f} 秒算出 {n}×{n} 个损失。当前权重处的损失（★，即训练损失）：{centre:.4g}；平面上从 {low:.4g} 到 {high:.4g}。</translation>
    </message>
    <message>
        <source> PC 1 and PC 2 hold {first:.0%} and {second:.0%} of the trajectory&apos;s {points} points&apos; spread.</source>
        <translation>PC 1 和 PC 2 分别占轨迹 {points} 个点离散程度的 {first:.0%} 和 {second:.0%}。</translation>
    </message>
    <message>
        <source> The trajectory is its least-squares projection onto the plane: random directions are nearly orthogonal to it, PCA directions show it whole.</source>
        <translation>轨迹是它在平面上的最小二乘投影：随机方向与它几乎正交，PCA 方向能完整地显示它。</translation>
    </message>
    <message>
        <source>loss − minimum (log)</source>
        <translation>损失 − 最小值（对数）</translation>
    </message>
    <message>
        <source>The engine&apos;s optimizer, on the 2 numbers (x, y).</source>
        <translation>引擎中的优化器，作用在两个数 (x, y) 上。</translation>
    </message>
    <message>
        <source>How the learning rate changes from step to step.</source>
        <translation>学习率如何随步数变化。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Take this optimizer out of the race.</source>
        <translation>让这个优化器退出比赛。</translation>
    </message>
    <message>
        <source>Not changed: {problem}.</source>
        <translation>未更改：{problem}。</translation>
    </message>
    <message>
        <source>Near the {point} ({x:.3g}, {y:.3g}), curvatures {curvatures}.</source>
        <translation>在{point} ({x:.3g}, {y:.3g}) 附近，曲率为 {curvatures}。</translation>
    </message>
    <message>
        <source>{racer}: no fixed limit — it divides each coordinate&apos;s step by a running size of its gradients, so its steps stay about η long.</source>
        <translation>{racer}：没有固定的上限——它把每个坐标的步长除以该坐标梯度的滑动大小，所以步长大约保持为 η。</translation>
    </message>
    <message>
        <source>{racer}: along the downhill direction each step multiplies the distance from the saddle by {rate:.4g}.</source>
        <translation>{racer}：沿下坡方向，每一步把到鞍点的距离乘以 {rate:.4g}。</translation>
    </message>
    <message>
        <source>{racer}: {regime}</source>
        <translation>{racer}：{regime}</translation>
    </message>
    <message>
        <source>The learning rate η each step used (solid), and the schedule planned for the run
(dashed). η scales every update: W ← W − η·∂J/∂W. Too high and the loss jumps
or explodes; too low and it crawls. Schedules lower η as training settles.</source>
        <translation>每一步实际使用的学习率 η（实线），以及为本次运行计划的学习率调度
（虚线）。η 决定每次更新的幅度：W ← W − η·∂J/∂W。太高，损失会跳动
甚至爆炸；太低，损失下降缓慢。学习率调度会在训练趋于稳定时降低 η。</translation>
    </message>
    <message>
        <source>Log y axis: a schedule dividing η by 10 twice shows as two equal steps.</source>
        <translation>对数 y 轴：把 η 两次除以 10 的调度显示为两级相等的台阶。</translation>
    </message>
    <message>
        <source>learning rate η</source>
        <translation>学习率 η</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>used</source>
        <translation>实际使用</translation>
    </message>
    <message>
        <source>η = {lr} for step {step}</source>
        <translation>第 {step} 步的 η = {lr}</translation>
    </message>
    <message>
        <source>momentum μ</source>
        <translation>动量 μ</translation>
    </message>
    <message>
        <source>What SGD with momentum μ and rate η does along the steepest direction (Goh, “Why Momentum Really Works”, Distill 2017): green monotone, orange oscillating (jumps across the valley), blue ripples (spirals in), red divergent. Plain gradient descent is the bottom edge, μ = 0: it diverges past 2/λ_max.</source>
        <translation>动量为 μ、学习率为 η 的 SGD 沿最陡方向的行为（Goh，《为什么动量真的有效》，Distill 2017）：绿色单调，橙色振荡（在山谷两侧来回跳），蓝色波纹（螺旋收敛），红色发散。普通梯度下降是底边 μ = 0：学习率超过 2/λ_max 就发散。</translation>
    </message>
    <message>
        <source>SGD along the steepest curvature λ_max = {curvature:.4g}</source>
        <translation>SGD 在最陡曲率方向上（λ_max = {curvature:.4g}）</translation>
    </message>
    <message>
        <source>global minimum</source>
        <translation>全局最小值</translation>
    </message>
    <message>
        <source>local minimum</source>
        <translation>局部最小值</translation>
    </message>
    <message>
        <source>saddle</source>
        <translation>鞍点</translation>
    </message>
    <message>
        <source>The start: drag it and every optimizer starts again from here.</source>
        <translation>起点：拖动它，每个优化器都从这里重新开始。</translation>
    </message>
    <message>
        <source>Quadratic bowl</source>
        <translation>二次碗形</translation>
    </message>
    <message>
        <source>Saddle</source>
        <translation>鞍面</translation>
    </message>
    <message>
        <source>Six-hump camel</source>
        <translation>六驼峰函数</translation>
    </message>
    <message>
        <source>½·(λ₁u² + λ₂v²), λ₁ = 1, λ₂ = C, (u, v) = θ rotated by −angle</source>
        <translation>½·(λ₁u² + λ₂v²)，λ₁ = 1，λ₂ = C，(u, v) = θ 旋转 −角度</translation>
    </message>
    <message>
        <source>Optimizers on 2-D surfaces</source>
        <translation>二维曲面上的优化器</translation>
    </message>
    <message>
        <source>— a preset —</source>
        <translation>— 预设 —</translation>
    </message>
    <message>
        <source>A story from the article: surface, start and optimizers.</source>
        <translation>文章中的一个例子：曲面、起点和优化器。</translation>
    </message>
    <message>
        <source>The surface the optimizers race on.</source>
        <translation>优化器比赛所在的曲面。</translation>
    </message>
    <message>
        <source>condition number</source>
        <translation>条件数</translation>
    </message>
    <message>
        <source>The bowl&apos;s condition number C = λ_max/λ_min (1–100): how much steeper across the valley than along it.</source>
        <translation>碗形的条件数 C = λ_max/λ_min（1–100）：横穿山谷比沿着山谷陡多少倍。</translation>
    </message>
    <message>
        <source>angle</source>
        <translation>角度</translation>
    </message>
    <message>
        <source>The bowl&apos;s rotation, in degrees (−360 to 360).</source>
        <translation>碗形的旋转角度，单位为度（−360 到 360）。</translation>
    </message>
    <message>
        <source>Run the race; press again to pause.</source>
        <translation>开始比赛；再按一次暂停。</translation>
    </message>
    <message>
        <source>One step of every racer.</source>
        <translation>每个参赛者各走一步。</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Back to the start.</source>
        <translation>回到起点。</translation>
    </message>
    <message>
        <source>How many steps each racer takes per second while playing.</source>
        <translation>播放时每个参赛者每秒走多少步。</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>Surface</source>
        <translation>曲面</translation>
    </message>
    <message>
        <source>condition C</source>
        <translation>条件数 C</translation>
    </message>
    <message>
        <source>angle°</source>
        <translation>角度°</translation>
    </message>
    <message>
        <source>{speed} steps/s</source>
        <translation>{speed} 步/秒</translation>
    </message>
    <message>
        <source>Add optimizer</source>
        <translation>添加优化器</translation>
    </message>
    <message>
        <source>Race up to {count} optimizers.</source>
        <translation>最多可让 {count} 个优化器比赛。</translation>
    </message>
    <message>
        <source>{racer} {stopped}.</source>
        <translation>{racer} {stopped}。</translation>
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
        <source>{title}: {explanation}</source>
        <translation>{title}：{explanation}</translation>
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
        <source>Decision boundary</source>
        <translation>决策边界</translation>
    </message>
    <message>
        <source>Network diagram</source>
        <translation>网络结构图</translation>
    </message>
    <message>
        <source>PNG scale must be one of {scales}, not {scale}</source>
        <translation>PNG 倍率必须是 {scales} 之一，而不是 {scale}</translation>
    </message>
    <message>
        <source>Could not encode the PNG: {error}</source>
        <translation>无法编码 PNG：{error}</translation>
    </message>
    <message>
        <source>{figure}, exported from nnsim</source>
        <translation>{figure}，由 nnsim 导出</translation>
    </message>
    <message>
        <source>Could not draw the SVG</source>
        <translation>无法绘制 SVG</translation>
    </message>
    <message>
        <source>No figure called {figure!r}</source>
        <translation>没有名为 {figure!r} 的图</translation>
    </message>
    <message>
        <source>The {figure} is not in this window</source>
        <translation>此窗口中没有“{figure}”</translation>
    </message>
    <message>
        <source>Showing the {figure}: export it again once it is drawn</source>
        <translation>正在显示“{figure}”：绘制完成后请再导出一次</translation>
    </message>
    <message>
        <source>The {figure} has nothing drawn yet: try again in a moment</source>
        <translation>“{figure}”还没有绘制内容：请稍后再试</translation>
    </message>
    <message>
        <source>The {figure} has no room on screen to draw</source>
        <translation>“{figure}”在屏幕上没有绘制的空间</translation>
    </message>
    <message>
        <source>Unknown figure format {format!r} (png or svg)</source>
        <translation>未知的图像格式 {format!r}（应为 png 或 svg）</translation>
    </message>
    <message>
        <source>Could not write {path}: {error}</source>
        <translation>无法写入 {path}：{error}</translation>
    </message>
    <message>
        <source>Exported the figure to {path}</source>
        <translation>已将图导出到 {path}</translation>
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
        <source>Back to the initial weights (R)</source>
        <translation>回到初始权重（R）</translation>
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
        <source>Applied “{cure}”; weights reset.</source>
        <translation>已应用“{cure}”；权重已重置。</translation>
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
        <source>◀ Previous</source>
        <translation>◀ 上一阶段</translation>
    </message>
    <message>
        <source>Previous phase (← or PageUp)</source>
        <translation>上一阶段（← 或 PgUp）</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一阶段 ▶</translation>
    </message>
    <message>
        <source>Next phase (→, Space or PageDown)</source>
        <translation>下一阶段（→、Space 或 PgDn）</translation>
    </message>
    <message>
        <source>Run to end of step</source>
        <translation>运行到本步结束</translation>
    </message>
    <message>
        <source>Apply the whole step (End)</source>
        <translation>执行完整的一步（End）</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Step along the gradient</source>
        <translation>沿梯度的一步</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Training diverged: {reason}. Go back (←), or lower the learning rate.</source>
        <translation>训练发散：{reason}。请后退（←），或降低学习率。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Step {step}&lt;/b&gt; is ready. Press → (or Space, PageDown) for &lt;b&gt;{phase}&lt;/b&gt;: the input goes through the first layer.&lt;br&gt;&lt;br&gt;Choose what flows through on the left; click an edge of the diagram to write out its weight.</source>
        <translation>&lt;b&gt;第 {step} 步&lt;/b&gt;已就绪。按 →（或 Space、PgDn）进入&lt;b&gt;{phase}&lt;/b&gt;：输入经过第一层。&lt;br&gt;&lt;br&gt;在左侧选择流经网络的数据；点击图中的一条边，写出它的权重。</translation>
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
        <source>PNG image at {scale}× (screen size)</source>
        <translation>PNG 图像，{scale}×（屏幕大小）</translation>
    </message>
    <message>
        <source>PNG image at {scale}× (sharper, bigger)</source>
        <translation>PNG 图像，{scale}×（更清晰、更大）</translation>
    </message>
    <message>
        <source>SVG drawing (scales without blurring; opens in a browser, Inkscape)</source>
        <translation>SVG 矢量图（缩放不模糊；可用浏览器或 Inkscape 打开）</translation>
    </message>
    <message>
        <source>Export figure</source>
        <translation>导出图</translation>
    </message>
    <message>
        <source>A plot, the decision boundary or the network diagram as it is on screen, drawn again for the file: PNG at 2× or 4× has 2 or 4 times the pixels each way, sharp on slides and in print; SVG stays sharp at any size.</source>
        <translation>将屏幕上的曲线图、决策边界或网络结构图重新绘制到文件中：2× 或 4× 的 PNG 在每个方向上有 2 倍或 4 倍的像素，用于幻灯片和打印都很清晰；SVG 在任何尺寸下都保持清晰。</translation>
    </message>
    <message>
        <source>The figure to export, as it is on screen now</source>
        <translation>要导出的图，与屏幕上当前的样子相同</translation>
    </message>
    <message>
        <source>PNG: pixels, for slides and documents · SVG: curves and text stay vector</source>
        <translation>PNG：像素图，适合幻灯片和文档 · SVG：曲线和文字保持为矢量</translation>
    </message>
    <message>
        <source>&amp;Figure:</source>
        <translation>图(&amp;F)：</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>格式(&amp;O)：</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Save the figure</source>
        <translation>保存图</translation>
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
        <source>At step</source>
        <translation>步数</translation>
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
        <source>zeros</source>
        <translation>全零</translation>
    </message>
    <message>
        <source>article</source>
        <translation>文章的做法</translation>
    </message>
    <message>
        <source>uniform</source>
        <translation>均匀分布</translation>
    </message>
    <message>
        <source>xavier_normal</source>
        <translation>Xavier 正态</translation>
    </message>
    <message>
        <source>xavier_uniform</source>
        <translation>Xavier 均匀</translation>
    </message>
    <message>
        <source>he_normal</source>
        <translation>He 正态</translation>
    </message>
    <message>
        <source>he_uniform</source>
        <translation>He 均匀</translation>
    </message>
    <message>
        <source>lecun_normal</source>
        <translation>LeCun 正态</translation>
    </message>
    <message>
        <source>W = 0: every neuron of a layer stays identical (the symmetry problem).</source>
        <translation>W = 0：同一层的每个神经元始终一模一样（对称性问题）。</translation>
    </message>
    <message>
        <source>W = randn · 0.01: tiny weights; deep nets start with vanishing signals.</source>
        <translation>W = randn · 0.01：极小的权重；深层网络一开始信号就会消失。</translation>
    </message>
    <message>
        <source>W ~ U(−0.5, 0.5), TensorFlow Playground&apos;s choice.</source>
        <translation>W ~ U(−0.5, 0.5)，TensorFlow Playground 的做法。</translation>
    </message>
    <message>
        <source>Glorot: N(0, 2/(fan_in+fan_out)), keeps the variance for tanh/sigmoid.</source>
        <translation>Glorot：N(0, 2/(fan_in+fan_out))，对 tanh/sigmoid 保持方差不变。</translation>
    </message>
    <message>
        <source>Glorot: U(±√(6/(fan_in+fan_out))), keeps the variance for tanh/sigmoid.</source>
        <translation>Glorot：U(±√(6/(fan_in+fan_out)))，对 tanh/sigmoid 保持方差不变。</translation>
    </message>
    <message>
        <source>He: N(0, 2/fan_in), keeps the variance for ReLU.</source>
        <translation>He：N(0, 2/fan_in)，对 ReLU 保持方差不变。</translation>
    </message>
    <message>
        <source>He: U(±√(6/fan_in)), keeps the variance for ReLU.</source>
        <translation>He：U(±√(6/fan_in))，对 ReLU 保持方差不变。</translation>
    </message>
    <message>
        <source>LeCun: N(0, 1/fan_in).</source>
        <translation>LeCun：N(0, 1/fan_in)。</translation>
    </message>
    <message>
        <source>bce</source>
        <translation>二元交叉熵</translation>
    </message>
    <message>
        <source>cross_entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <source>mse</source>
        <translation>均方误差</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <source>What the network minimises. &apos;auto&apos; picks it from the data: binary cross-entropy for two classes, (softmax) cross-entropy for more, mean squared error for regression.</source>
        <translation>网络要最小化的损失函数。“自动”根据数据选择：两类用二元交叉熵，多类用（softmax）交叉熵，回归用均方误差。</translation>
    </message>
    <message>
        <source>Activation of the output layer. &apos;auto&apos; is the loss&apos;s natural one: sigmoid for binary cross-entropy, softmax for cross-entropy, linear for MSE. Other choices need loss MSE.</source>
        <translation>输出层的激活函数。“自动”即与损失函数配套的那个：二元交叉熵配 sigmoid，交叉熵配 softmax，MSE 配 linear。其他选择需要损失函数为 MSE。</translation>
    </message>
    <message>
        <source>+ layer</source>
        <translation>+ 层</translation>
    </message>
    <message>
        <source>− layer</source>
        <translation>− 层</translation>
    </message>
    <message>
        <source>Remove the last hidden layer. With none left the network is a linear (logistic) model: it can only draw a straight boundary.</source>
        <translation>删除最后一个隐藏层。一个都不剩时，网络就是线性（逻辑回归）模型：只能画出一条直线边界。</translation>
    </message>
    <message>
        <source>units</source>
        <translation>神经元</translation>
    </message>
    <message>
        <source>dropout</source>
        <translation>Dropout</translation>
    </message>
    <message>
        <source>No hidden layer: a linear model (one straight boundary).</source>
        <translation>没有隐藏层：线性模型（一条直线边界）。</translation>
    </message>
    <message>
        <source>batch norm</source>
        <translation>批归一化</translation>
    </message>
    <message>
        <source>Batch normalisation in every hidden layer (clears the per-layer choices).</source>
        <translation>在每个隐藏层使用批归一化（清除各层单独的设置）。</translation>
    </message>
    <message>
        <source>Dropout probability of every hidden layer (clears the per-layer choices).</source>
        <translation>每个隐藏层的 Dropout 概率（清除各层单独的设置）。</translation>
    </message>
    <message>
        <source>How the weights start. Biases start at 0. A good start keeps the signal (and the gradient) the same size from layer to layer.</source>
        <translation>权重如何初始化。偏置从 0 开始。好的初始化让信号（和梯度）在各层之间保持相同的大小。</translation>
    </message>
    <message>
        <source>Neurons per layer, inputs first, and the output head.</source>
        <translation>每层的神经元数（从输入开始）以及输出部分。</translation>
    </message>
    <message>
        <source>All layers</source>
        <translation>所有层</translation>
    </message>
    <message>
        <source>Add a hidden layer at the output end (up to {max}). Depth lets the network compose simple boundaries into complicated ones — and makes gradients harder to pass back.</source>
        <translation>在输出端添加一个隐藏层（最多 {max} 个）。深度让网络能把简单的边界组合成复杂的边界——也让梯度更难反向传播回去。</translation>
    </message>
    <message>
        <source>{n} hidden layer</source>
        <translation>{n} 个隐藏层</translation>
    </message>
    <message>
        <source>{n} hidden layers</source>
        <translation>{n} 个隐藏层</translation>
    </message>
    <message>
        <source>auto ({choice})</source>
        <translation>自动（{choice}）</translation>
    </message>
    <message>
        <source>  ·  output {output}, loss {loss}</source>
        <translation>  ·  输出 {output}，损失 {loss}</translation>
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
        <source>How the learning rate changes during training, starting from the learning rate above. Decaying it lets training settle into a minimum. (Restarts training.)</source>
        <translation>训练过程中学习率如何变化，从上面的学习率开始。学习率衰减让训练稳定地落入极小值。（会重新开始训练。）</translation>
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
        <source>What t counts: optimizer steps (mini-batches) or epochs (passes over the training set).</source>
        <translation>t 数的是什么：优化器的步数（小批量）或轮数（遍历训练集的次数）。</translation>
    </message>
    <message>
        <source>step decay</source>
        <translation>阶梯衰减</translation>
    </message>
    <message>
        <source>inverse time decay</source>
        <translation>逆时衰减</translation>
    </message>
    <message>
        <source>exponential decay</source>
        <translation>指数衰减</translation>
    </message>
    <message>
        <source>cosine decay</source>
        <translation>余弦衰减</translation>
    </message>
    <message>
        <source>one-cycle decay</source>
        <translation>单周期衰减</translation>
    </message>
    <message>
        <source>{optimizer} η={lr:g}</source>
        <translation>{optimizer} η={lr:g}</translation>
    </message>
    <message>
        <source>{optimizer}+Nesterov {momentum:g} η={lr:g}</source>
        <translation>{optimizer}+Nesterov {momentum:g} η={lr:g}</translation>
    </message>
    <message>
        <source>{optimizer}+momentum {momentum:g} η={lr:g}</source>
        <translation>{optimizer}+动量 {momentum:g} η={lr:g}</translation>
    </message>
    <message>
        <source>{schedule} decay</source>
        <translation>{schedule}衰减</translation>
    </message>
    <message>
        <source>{racer}, {schedule}</source>
        <translation>{racer}，{schedule}</translation>
    </message>
    <message>
        <source>the gradient overflowed</source>
        <translation>梯度溢出</translation>
    </message>
    <message>
        <source>the point overflowed</source>
        <translation>坐标溢出</translation>
    </message>
    <message>
        <source>the path ran off beyond {escape:.0e}</source>
        <translation>路径跑出了 {escape:.0e} 之外</translation>
    </message>
    <message>
        <source>diverged at step {step}: {why}</source>
        <translation>在第 {step} 步发散：{why}</translation>
    </message>
    <message>
        <source>too high: oscillates</source>
        <translation>学习率过高：振荡</translation>
    </message>
    <message>
        <source>η = 0.09 is between 1/λ_max and 2/λ_max: every step jumps across the valley and back, a zig-zag that still shrinks. η = 0.04 &lt; 1/λ_max walks down without crossing.</source>
        <translation>η = 0.09 介于 1/λ_max 和 2/λ_max 之间：每一步都跳过山谷再跳回来，走出一条仍在缩小的之字形。η = 0.04 &lt; 1/λ_max 则一路走下去，从不越过谷底。</translation>
    </message>
    <message>
        <source>too high: diverges</source>
        <translation>学习率过高：发散</translation>
    </message>
    <message>
        <source>η = 0.11 is past 2/λ_max = 0.1: each jump lands higher than it started and the loss grows without end; η = 0.09, just inside, still converges.</source>
        <translation>η = 0.11 超过了 2/λ_max = 0.1：每一跳都落得比出发点更高，损失无休止地增长；η = 0.09 刚好在界限之内，仍然收敛。</translation>
    </message>
    <message>
        <source>too low: crawls</source>
        <translation>学习率过低：爬行</translation>
    </message>
    <message>
        <source>η = 0.002 is safe but tiny: after hundreds of steps it has barely moved, while η = 0.045 is at the minimum.</source>
        <translation>η = 0.002 安全但太小：走了几百步几乎没动，而 η = 0.045 已经到达最小值。</translation>
    </message>
    <message>
        <source>decay: fast then fine</source>
        <translation>衰减：先快后细</translation>
    </message>
    <message>
        <source>η = 0.0995, just inside 2/λ_max, races down the shallow direction but keeps bouncing across the steep one; η = 0.01 is smooth but slow. Starting at 0.0995 and shrinking η by 2 % a step is fast at first and then settles: the lowest loss of the three.</source>
        <translation>η = 0.0995 刚好在 2/λ_max 之内，沿平缓方向飞快下降，却在陡峭方向上来回弹跳；η = 0.01 平稳但缓慢。从 0.0995 开始、每步把 η 缩小 2 %，起初很快，随后稳定下来：三者中损失最低。</translation>
    </message>
    <message>
        <source>momentum through a ravine</source>
        <translation>动量穿过峡谷</translation>
    </message>
    <message>
        <source>A ravine: curvature 100 across, 1 along, starting far down its floor. Plain gradient descent must keep η below 2/100 and then crawls along the floor; momentum (μ = 0.8) may take η up to 2(1 + μ)/100 and builds up speed along it, in ripples.</source>
        <translation>一条峡谷：横向曲率 100，纵向曲率 1，起点在谷底的远处。普通梯度下降必须让 η 低于 2/100，于是沿着谷底缓慢爬行；动量（μ = 0.8）允许 η 高达 2(1 + μ)/100，并沿谷底积累速度，以波纹的方式前进。</translation>
    </message>
    <message>
        <source>Adam on Rosenbrock</source>
        <translation>Rosenbrock 上的 Adam</translation>
    </message>
    <message>
        <source>Rosenbrock&apos;s curved valley: SGD has to keep η small for the steep walls and creeps along the floor; Adam scales each coordinate&apos;s step and reaches (1, 1).</source>
        <translation>Rosenbrock 的弯曲山谷：SGD 为了陡峭的谷壁必须把 η 设得很小，于是沿谷底缓慢爬行；Adam 按每个坐标缩放步长，到达 (1, 1)。</translation>
    </message>
    <message>
        <source>SGD stuck at a saddle vs momentum</source>
        <translation>SGD 困在鞍点，动量却能逃离</translation>
    </message>
    <message>
        <source>From almost on the ridge, the gradient points at the saddle: SGD slides to it and lingers, its escape along y growing only 1.02× a step; momentum escapes fast.</source>
        <translation>从几乎在山脊上的位置出发，梯度指向鞍点：SGD 滑到鞍点附近并久久停留，沿 y 方向的逃离每步只增长 1.02×；动量则很快逃离。</translation>
    </message>
    <message>
        <source>The learning rate the schedule will use at each step of the next {steps} steps (one-cycle: its whole cycle).</source>
        <translation>接下来 {steps} 步中每一步的调度学习率（单周期：整个周期）。</translation>
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
        <source>Regularisation &amp; clipping</source>
        <translation>正则化与梯度裁剪</translation>
    </message>
    <message>
        <source>A penalty on large weights added to the loss: L2 (rate·Σw²/2) shrinks all weights smoothly, L1 (rate·Σ|w|) pushes useless ones to exactly 0. Both fight overfitting.</source>
        <translation>加到损失上的大权重惩罚：L2（λ·Σw²/2）平滑地缩小所有权重，L1（λ·Σ|w|）把无用的权重压到恰好为 0。两者都用于对抗过拟合。</translation>
    </message>
    <message>
        <source>regularisation rate</source>
        <translation>正则化系数</translation>
    </message>
    <message>
        <source>Regularisation rate λ (0 … 10): how much the weight penalty counts against the data loss. Too large and the network cannot fit anything.</source>
        <translation>正则化系数 λ（0 … 10）：权重惩罚相对数据损失的分量。太大时网络什么也拟合不了。</translation>
    </message>
    <message>
        <source>Gradient clipping caps the gradient before the step. By norm: rescale all gradients together so their L2 norm is at most the threshold (direction kept). By value: clamp each entry to ±threshold. Tames exploding gradients.</source>
        <translation>梯度裁剪在更新前限制梯度。按范数：把所有梯度一起缩放，使其 L2 范数不超过阈值（方向不变）。按数值：把每个分量截断到 ±阈值。用于抑制梯度爆炸。</translation>
    </message>
    <message>
        <source>clipping threshold</source>
        <translation>裁剪阈值</translation>
    </message>
    <message>
        <source>The threshold (&gt; 0): max_norm when clipping by norm, clip_value by value.</source>
        <translation>阈值（&gt; 0）：按范数裁剪时为 max_norm，按数值裁剪时为 clip_value。</translation>
    </message>
    <message>
        <source>Penalty</source>
        <translation>惩罚</translation>
    </message>
    <message>
        <source>Clip grads</source>
        <translation>梯度裁剪</translation>
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
        <source>X₁, the horizontal coordinate.</source>
        <translation>X₁，横坐标。</translation>
    </message>
    <message>
        <source>X₂, the vertical coordinate.</source>
        <translation>X₂，纵坐标。</translation>
    </message>
    <message>
        <source>X₁²: lets a single neuron draw a boundary symmetric left/right (circles!).</source>
        <translation>X₁²：让单个神经元就能画出左右对称的边界（圆！）。</translation>
    </message>
    <message>
        <source>X₂²: lets a single neuron draw a boundary symmetric top/bottom.</source>
        <translation>X₂²：让单个神经元就能画出上下对称的边界。</translation>
    </message>
    <message>
        <source>X₁·X₂: positive in two opposite quadrants — the exclusive-or pattern.</source>
        <translation>X₁·X₂：在两个相对的象限中为正——正是异或的模式。</translation>
    </message>
    <message>
        <source>sin(X₁): a wave along X₁, useful for periodic patterns.</source>
        <translation>sin(X₁)：沿 X₁ 方向的波，适合周期性的模式。</translation>
    </message>
    <message>
        <source>sin(X₂): a wave along X₂.</source>
        <translation>sin(X₂)：沿 X₂ 方向的波。</translation>
    </message>
    <message>
        <source>cos(X₁): a wave along X₁, shifted by a quarter period.</source>
        <translation>cos(X₁)：沿 X₁ 方向的波，错开四分之一周期。</translation>
    </message>
    <message>
        <source>cos(X₂): a wave along X₂, shifted by a quarter period.</source>
        <translation>cos(X₂)：沿 X₂ 方向的波，错开四分之一周期。</translation>
    </message>
    <message>
        <source>Custom (your points)</source>
        <translation>自定义（你的数据点）</translation>
    </message>
    <message>
        <source>The points to learn. Orange and blue are the two classes (more colours: more classes); the regression sets ask for a number at every point instead.
Click on the output view to add your own points: the data set becomes &apos;Custom&apos;.</source>
        <translation>要学习的数据点。橙色和蓝色是两个类别（颜色更多：类别更多）；回归数据集则要求在每个点上给出一个数值。
在输出视图上单击可以添加你自己的数据点：数据集随即变为“自定义”。</translation>
    </message>
    <message>
        <source>How much random jitter is added to the points. Noisy data cannot be fitted exactly: a network that tries anyway is overfitting.</source>
        <translation>给数据点加多少随机抖动。有噪声的数据无法被精确拟合：硬要拟合的网络就是在过拟合。</translation>
    </message>
    <message>
        <source>Share of the points used for training; the rest is the test set, never trained on, that shows how well the network generalises.</source>
        <translation>用于训练的数据点所占的比例；其余的是测试集，从不参与训练，用来显示网络的泛化能力。</translation>
    </message>
    <message>
        <source>Number of points generated (train + test). More points: a smoother picture of the pattern and slower epochs.</source>
        <translation>生成的数据点个数（训练 + 测试）。点越多：模式越清晰，每轮也越慢。</translation>
    </message>
    <message>
        <source>Points per gradient step (mini-batch). Small batches: noisy but cheap steps; &apos;all&apos; (below 1, or type &apos;all&apos;): full-batch gradient descent, the exact gradient of the training loss at every step.</source>
        <translation>每个梯度步使用的数据点数（小批量）。批越小：每步噪声大但计算便宜；“全部”（小于 1，或输入“全部”）：全批量梯度下降，每步都用训练损失的精确梯度。</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <source>Use a new random seed (seed + 1): new points, a new train/test split and new initial weights. The same seed always gives the same run.</source>
        <translation>使用新的随机种子（种子 + 1）：新的数据点、新的训练/测试划分和新的初始权重。相同的随机种子总是得到相同的运行。</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>导入 CSV…</translation>
    </message>
    <message>
        <source>Load your own points from a CSV file with columns x1, x2, label (points in [−6, 6]²; integer labels are classes, other numbers regression targets).</source>
        <translation>从 CSV 文件载入你自己的数据点，列为 x1、x2、label（点位于 [−6, 6]² 内；整数标签表示类别，其他数值表示回归目标）。</translation>
    </message>
    <message>
        <source>The class (or target value) of the points you add by clicking on the output view. Shift-click adds the next class; right-click removes the nearest point.</source>
        <translation>在输出视图上单击添加的数据点的类别（或目标值）。Shift+单击添加下一个类别；右键单击删除最近的数据点。</translation>
    </message>
    <message>
        <source>The random seed: it fixes the points, the split and the initial weights.</source>
        <translation>随机种子：它决定数据点、划分和初始权重。</translation>
    </message>
    <message>
        <source>Data set</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练集</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>特征</translation>
    </message>
    <message>
        <source>Click adds</source>
        <translation>单击添加</translation>
    </message>
    <message>
        <source>Input features: what the network is given about each point. Besides the coordinates X₁, X₂ you may hand it squares, products or waves of them.</source>
        <translation>输入特征：网络对每个数据点所知道的信息。除了坐标 X₁、X₂，还可以给它坐标的平方、乘积或正弦波。</translation>
    </message>
    <message>
        <source>all</source>
        <comment>batch size: full batch</comment>
        <translation>全部</translation>
    </message>
    <message>
        <source>Click to feed it to the network (or to stop). At least one feature must stay on.</source>
        <translation>单击把它输入网络（或停止输入）。至少要保留一个特征。</translation>
    </message>
    <message>
        <source>Does not apply to your own points (the &apos;Custom&apos; data set).</source>
        <translation>不适用于你自己的数据点（“自定义”数据集）。</translation>
    </message>
    <message>
        <source>Seed {seed}</source>
        <translation>随机种子 {seed}</translation>
    </message>
    <message>
        <source>target {value:+g}</source>
        <translation>目标 {value:+g}</translation>
    </message>
    <message>
        <source>class {k}</source>
        <translation>类别 {k}</translation>
    </message>
    <message>
        <source>{feature} is the last input feature: at least one must stay on, or the network has nothing to look at.</source>
        <translation>{feature} 是最后一个输入特征：至少要保留一个，否则网络什么也看不到。</translation>
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
    <message>
        <source>&lt;b&gt;Backward, layer {k}&lt;/b&gt;: neuron {j}, weight {weight}{sample}</source>
        <translation>&lt;b&gt;反向传播，第 {k} 层&lt;/b&gt;：神经元 {j}，权重 {weight}{sample}</translation>
    </message>
    <message>
        <source>with a sigmoid output and cross-entropy the chain dA·g′(Z) simplifies to this; the 1/n of the mean is inside {dZ}</source>
        <translation>输出层用 sigmoid、损失用交叉熵时，链式法则 dA·g′(Z) 化简为上式；求平均的 1/n 已包含在 {dZ} 中</translation>
    </message>
    <message>
        <source>with a softmax output the chain dA·g′(Z) simplifies to this; the 1/n of the mean is inside {dZ}</source>
        <translation>输出层用 softmax 时，链式法则 dA·g′(Z) 化简为上式；求平均的 1/n 已包含在 {dZ} 中</translation>
    </message>
    <message>
        <source>{rows} (the article&apos;s columns: {columns}, with its 1/m there)</source>
        <translation>{rows}（文章中按列书写：{columns}，1/m 写在这里）</translation>
    </message>
    <message>
        <source>{dW} and {db}</source>
        <translation>{dW}，{db}</translation>
    </message>
    <message>
        <source>batch norm: dW and db use dZ = the batch-norm backward pass of dẐ</source>
        <translation>批归一化：dW 和 db 使用的 dZ 是 dẐ 经批归一化反向传播得到的</translation>
    </message>
    <message>
        <source>binary cross-entropy</source>
        <translation>二元交叉熵</translation>
    </message>
    <message>
        <source>softmax cross-entropy</source>
        <translation>softmax 交叉熵</translation>
    </message>
    <message>
        <source>mean squared error</source>
        <translation>均方误差</translation>
    </message>
    <message>
        <source>the loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>the optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>momentum μ = {mu}</source>
        <translation>动量 μ = {mu}</translation>
    </message>
    <message>
        <source>weight decay λ = {decay}</source>
        <translation>权重衰减 λ = {decay}</translation>
    </message>
    <message>
        <source>step = −η·v, with the velocity v ← μ·v + dW</source>
        <translation>更新量 = −η·v，其中速度 v ← μ·v + dW</translation>
    </message>
    <message>
        <source>step = −η·m/(√v + ε): m and v are running averages of dW and dW², bias-corrected</source>
        <translation>更新量 = −η·m/(√v + ε)：m 和 v 是 dW 和 dW² 的滑动平均（经偏差校正）</translation>
    </message>
    <message>
        <source>step = −η·(m/(√v + ε) + λ·W): Adam plus a decay of the weights</source>
        <translation>更新量 = −η·(m/(√v + ε) + λ·W)：Adam 加上权重衰减</translation>
    </message>
    <message>
        <source>step = −η·dW/(√v + ε), v a running average of dW²</source>
        <translation>更新量 = −η·dW/(√v + ε)，v 是 dW² 的滑动平均</translation>
    </message>
    <message>
        <source>step = −η·dW/(√G + ε), G the sum of every dW² so far</source>
        <translation>更新量 = −η·dW/(√G + ε)，G 是迄今所有 dW² 之和</translation>
    </message>
    <message>
        <source>the gradients were clipped (by norm) before the step</source>
        <translation>更新前梯度已按范数裁剪</translation>
    </message>
    <message>
        <source>the gradients were clipped (by value) before the step</source>
        <translation>更新前梯度已按数值裁剪</translation>
    </message>
    <message>
        <source>the gradients were clipped (by {mode}) before the step</source>
        <translation>更新前梯度已裁剪（{mode}）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Forward, layer {k}&lt;/b&gt;: neuron {j}{sample}</source>
        <translation>&lt;b&gt;前向传播，第 {k} 层&lt;/b&gt;：神经元 {j}{sample}</translation>
    </message>
    <message>
        <source>{rows} (one sample per row; the article&apos;s columns: {columns})</source>
        <translation>{rows}（每行一个样本；文章中按列书写：{columns}）</translation>
    </message>
    <message>
        <source>(normalised by the batch&apos;s mean and spread, then scaled by γ and shifted by β)</source>
        <translation>（用这一批的均值和标准差归一化，再乘以 γ、加上 β）</translation>
    </message>
    <message>
        <source>dropout: m is 0 (probability {p}) or 1/(1 − {p}), drawn at random</source>
        <translation>丢弃法：m 随机取 0（概率 {p}）或 1/(1 − {p})</translation>
    </message>
    <message>
        <source>{A} is the network&apos;s output: its prediction Ŷ</source>
        <translation>{A} 是网络的输出，即预测值 Ŷ</translation>
    </message>
    <message>
        <source>&lt;b&gt;Loss&lt;/b&gt;: {title}{sample}</source>
        <translation>&lt;b&gt;损失&lt;/b&gt;：{title}{sample}</translation>
    </message>
    <message>
        <source>This is the cross-entropy the article&apos;s {code} computes (its text calls it the mean squared error)</source>
        <translation>这是文章中 {code} 计算的交叉熵（文章正文称之为均方误差）</translation>
    </message>
    <message>
        <source>{J}: the probability given to the true class</source>
        <translation>{J}：网络给真实类别的概率</translation>
    </message>
    <message>
        <source>true class of the sample: {label}, probability {p}</source>
        <translation>该样本的真实类别：{label}，概率 {p}</translation>
    </message>
    <message>
        <source>J is the data loss; the {penalty} penalty on the weights joins at the update</source>
        <translation>J 是数据损失；权重的 {penalty} 惩罚项在更新时加入</translation>
    </message>
    <message>
        <source>&lt;b&gt;Update&lt;/b&gt;: {optimizer}, learning rate η = {lr}</source>
        <translation>&lt;b&gt;更新&lt;/b&gt;：{optimizer}，学习率 η = {lr}</translation>
    </message>
    <message>
        <source>each parameter moves against its own gradient: W ← W − η·dW, b ← b − η·db</source>
        <translation>每个参数沿自身梯度的反方向移动：W ← W − η·dW，b ← b − η·db</translation>
    </message>
    <message>
        <source>the step the optimizer took</source>
        <translation>优化器实际的更新量</translation>
    </message>
    <message>
        <source>new = old + step, {rule}</source>
        <translation>新值 = 旧值 + 更新量，{rule}</translation>
    </message>
    <message>
        <source>dW includes the gradient of the {penalty} penalty</source>
        <translation>dW 包含 {penalty} 惩罚项的梯度</translation>
    </message>
    <message>
        <source>{p}(new) = {p}(old) + step = {old} + {step} = {new}</source>
        <translation>{p}(新) = {p}(旧) + 更新量 = {old} + {step} = {new}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Training diverged:&lt;/b&gt; {reason}</source>
        <translation>&lt;b&gt;训练发散：&lt;/b&gt;{reason}</translation>
    </message>
    <message>
        <source>, sample {s} of {n}</source>
        <translation>，第 {s} 个样本（共 {n} 个）</translation>
    </message>
    <message>
        <source>the target must be a finite number, got {label}</source>
        <translation>目标值必须是有限的数，收到的是 {label}</translation>
    </message>
    <message>
        <source>the target must be a class 0..{last}, got {label}</source>
        <translation>目标值必须是类别 0..{last}，收到的是 {label}</translation>
    </message>
    <message>
        <source>the target of cross-entropy must be in [0, 1], got {label}</source>
        <translation>交叉熵的目标值必须在 [0, 1] 内，收到的是 {label}</translation>
    </message>
    <message>
        <source>batch normalisation needs at least 2 samples: use the mini-batch source</source>
        <translation>批归一化至少需要 2 个样本：请选择“小批量”</translation>
    </message>
    <message>
        <source>index must be a training sample 0..{last}, got {index}</source>
        <translation>序号必须是训练样本 0..{last}，收到的是 {index}</translation>
    </message>
    <message>
        <source>a custom sample needs x=(x1, x2) and y=its target</source>
        <translation>手动输入的样本需要 x=(x1, x2) 和 y=目标值</translation>
    </message>
    <message>
        <source>x must be finite, got {x}</source>
        <translation>x 必须是有限的数，收到的是 {x}</translation>
    </message>
    <message>
        <source>{p} before</source>
        <translation>更新前的 {p}</translation>
    </message>
    <message>
        <source>step of {p}</source>
        <translation>{p} 的更新量</translation>
    </message>
    <message>
        <source>{p} after</source>
        <translation>更新后的 {p}</translation>
    </message>
    <message>
        <source>The article&apos;s worked example</source>
        <translation>文章中的示例</translation>
    </message>
    <message>
        <source>A fixed learning rate: 0.0001, 0.01, 0.1</source>
        <translation>固定学习率：0.0001、0.01、0.1</translation>
    </message>
    <message>
        <source>Too high a learning rate: oscillate, then diverge</source>
        <translation>学习率过高：振荡，然后发散</translation>
    </message>
    <message>
        <source>Too low a learning rate: crawling, and stuck</source>
        <translation>学习率过低：爬行，以及停滞</translation>
    </message>
    <message>
        <source>Learning-rate decay: 0.1 / (1 + 0.01·10)</source>
        <translation>学习率衰减：0.1 / (1 + 0.01·10)</translation>
    </message>
    <message>
        <source>Adaptive learning rates: SGD, RMSprop, Adam</source>
        <translation>自适应学习率：SGD、RMSprop、Adam</translation>
    </message>
    <message>
        <source>Vanishing gradients: ten sigmoid layers</source>
        <translation>梯度消失：十层 sigmoid</translation>
    </message>
    <message>
        <source>Cures: ReLU, He init, BatchNorm</source>
        <translation>对策：ReLU、He 初始化、批归一化</translation>
    </message>
    <message>
        <source>Exploding gradients, and clipping</source>
        <translation>梯度爆炸，以及梯度裁剪</translation>
    </message>
    <message>
        <source>Symmetry: why weights start random</source>
        <translation>对称性：为什么权重要随机初始化</translation>
    </message>
    <message>
        <source>Click a point: send that sample through the network</source>
        <translation>点击一个数据点：让这个样本流经网络</translation>
    </message>
    <message>
        <source>Hide controls</source>
        <translation>隐藏控件</translation>
    </message>
    <message>
        <source>Checked controls are hidden, so only what is being taught is on screen. The choice is saved with the experiment.</source>
        <translation>勾选的控件将被隐藏，屏幕上只留下正在讲授的内容。这一选择随实验一起保存。</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>全部显示</translation>
    </message>
    <message>
        <source>Leaving the lecture</source>
        <translation>离开讲课</translation>
    </message>
    <message>
        <source>The lecture trained the network to step {lecture}; the window is at step {window}. Continue training from the lecture&apos;s weights, optimizer state and data order, or discard the lecture&apos;s steps?</source>
        <translation>讲课已把网络训练到第 {lecture} 步；窗口停在第 {window} 步。要从讲课的权重、优化器状态和数据顺序继续训练，还是丢弃讲课训练的步？</translation>
    </message>
    <message>
        <source>Continue from the lecture</source>
        <translation>从讲课处继续</translation>
    </message>
    <message>
        <source>Discard the lecture&apos;s steps</source>
        <translation>丢弃讲课训练的步</translation>
    </message>
    <message>
        <source>Remember my choice (View ▸ When leaving the lecture)</source>
        <translation>记住我的选择（视图 ▸ 离开讲课时）</translation>
    </message>
    <message>
        <source>The lesson in English</source>
        <translation>英文版课程</translation>
    </message>
    <message>
        <source>The lesson in Chinese (中文)</source>
        <translation>中文版课程</translation>
    </message>
    <message>
        <source>Neuron j of the layer whose formula is written out</source>
        <translation>要写出公式的神经元 j（在本层中的序号）</translation>
    </message>
    <message>
        <source>j of the weight W[j, i]: the neuron it feeds</source>
        <translation>权重 W[j, i] 的 j：它输入的神经元</translation>
    </message>
    <message>
        <source>i of the weight W[j, i]: where it comes from</source>
        <translation>权重 W[j, i] 的 i：它来自的神经元</translation>
    </message>
    <message>
        <source>Neuron j</source>
        <translation>神经元 j</translation>
    </message>
    <message>
        <source>Weight W[j, i]</source>
        <translation>权重 W[j, i]</translation>
    </message>
    <message>
        <source>Forward L{layer}</source>
        <translation>前向 L{layer}</translation>
    </message>
    <message>
        <source>Fwd L{layer}</source>
        <translation>前向{layer}</translation>
    </message>
    <message>
        <source>F{layer}</source>
        <translation>前{layer}</translation>
    </message>
    <message>
        <source>Backward L{layer}</source>
        <translation>反向 L{layer}</translation>
    </message>
    <message>
        <source>Bwd L{layer}</source>
        <translation>反向{layer}</translation>
    </message>
    <message>
        <source>B{layer}</source>
        <translation>反{layer}</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Upd</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Step {step} · ready: press → to begin</source>
        <translation>第 {step} 步 · 就绪：按 → 开始</translation>
    </message>
    <message>
        <source>Step {step} · {phase} ({position} of {count})</source>
        <translation>第 {step} 步 · {phase}（{position}/{count}）</translation>
    </message>
    <message>
        <source>Go to {phase}</source>
        <translation>转到：{phase}</translation>
    </message>
    <message>
        <source>Mini-batch</source>
        <translation>小批量</translation>
    </message>
    <message>
        <source>One sample</source>
        <translation>单个样本</translation>
    </message>
    <message>
        <source>Typed in</source>
        <translation>手动输入</translation>
    </message>
    <message>
        <source>What flows through the network in the next step</source>
        <translation>下一步流经网络的数据</translation>
    </message>
    <message>
        <source>The training sample (row of the training set)</source>
        <translation>训练样本（训练集中的行号）</translation>
    </message>
    <message>
        <source>x₁ of the sample typed in</source>
        <translation>手动输入样本的 x₁</translation>
    </message>
    <message>
        <source>x₂ of the sample typed in</source>
        <translation>手动输入样本的 x₂</translation>
    </message>
    <message>
        <source>Its target Y</source>
        <translation>它的目标值 Y</translation>
    </message>
    <message>
        <source>Sample #</source>
        <translation>样本序号</translation>
    </message>
    <message>
        <source>or click a point</source>
        <translation>或点击一个数据点</translation>
    </message>
    <message>
        <source>target Y</source>
        <translation>目标值 Y</translation>
    </message>
    <message>
        <source>What flows through:</source>
        <translation>流经网络的数据：</translation>
    </message>
    <message>
        <source>The trainer&apos;s next mini-batch.</source>
        <translation>训练器的下一个小批量。</translation>
    </message>
    <message>
        <source>Sample {index}: x = ({x1}, {x2}), Y = {y}.</source>
        <translation>样本 {index}：x = ({x1}, {x2})，Y = {y}。</translation>
    </message>
    <message>
        <source>Typed in: x = ({x1}, {x2}), Y = {y}.</source>
        <translation>手动输入：x = ({x1}, {x2})，Y = {y}。</translation>
    </message>
    <message>
        <source>&amp;Ask</source>
        <translation>每次询问(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Continue from the lecture&apos;s steps</source>
        <translation>从讲课训练的步继续(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Discard the lecture&apos;s steps</source>
        <translation>丢弃讲课训练的步(&amp;D)</translation>
    </message>
    <message>
        <source>Lecture mode: fetching the trainer&apos;s state from the training process…</source>
        <translation>讲课模式：正在从训练进程获取训练器的状态…</translation>
    </message>
    <message>
        <source>The training process did not send its state in time: press F5 again.</source>
        <translation>训练进程没有及时发来状态：请再按一次 F5。</translation>
    </message>
    <message>
        <source>Lecture mode: walk one training step phase by phase</source>
        <translation>讲课模式：逐阶段讲解一个训练步</translation>
    </message>
    <message>
        <source>Lecture mode: next / previous phase</source>
        <translation>讲课模式：下一阶段 / 上一阶段</translation>
    </message>
    <message>
        <source>Lecture mode: run to the end of the step</source>
        <translation>讲课模式：运行到本步结束</translation>
    </message>
    <message>
        <source>Larger / smaller / normal text</source>
        <translation>放大 / 缩小 / 正常大小的文字</translation>
    </message>
    <message>
        <source>&amp;Lecture mode</source>
        <translation>讲课模式(&amp;L)</translation>
    </message>
    <message>
        <source>Walk one training step phase by phase, with its numbers</source>
        <translation>逐阶段讲解一个训练步，并写出其中的数值</translation>
    </message>
    <message>
        <source>When &amp;leaving the lecture</source>
        <translation>离开讲课时(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Presentation</source>
        <translation>演示(&amp;P)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Reset zoom</source>
        <translation>重置缩放(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;High contrast</source>
        <translation>高对比度(&amp;H)</translation>
    </message>
    <message>
        <source>Hide &amp;controls…</source>
        <translation>隐藏控件(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <source>The lecture could not start from the training state: {error}</source>
        <translation>无法从训练状态开始讲课：{error}</translation>
    </message>
    <message>
        <source>The lesson&apos;s change</source>
        <translation>本课的改动</translation>
    </message>
    <message>
        <source>Lesson: {title}. The question is in the Lesson panel. → / Space / PageDown walk the phases.</source>
        <translation>课程：{title}。问题在“课程”面板中。按 → / Space / PgDn 逐阶段讲解。</translation>
    </message>
    <message>
        <source>Lesson: {title}. The question is in the Lesson panel.</source>
        <translation>课程：{title}。问题在“课程”面板中。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Question&lt;/b&gt;</source>
        <translation>&lt;b&gt;问题&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Set up</source>
        <translation>设置实验</translation>
    </message>
    <message>
        <source>Set the lesson&apos;s experiment up again (and open the window it uses), from step 0.</source>
        <translation>重新设置本课的实验（并打开它所用的窗口），从第 0 步开始。</translation>
    </message>
    <message>
        <source>Show me</source>
        <translation>看哪里</translation>
    </message>
    <message>
        <source>Frame the panel the lesson asks you to watch, for a moment.</source>
        <translation>短暂地框出本课要你观察的面板。</translation>
    </message>
    <message>
        <source>Check my answer</source>
        <translation>检查我的答案</translation>
    </message>
    <message>
        <source>Compare your answer with what the run on screen shows.</source>
        <translation>把你的答案与屏幕上这次运行的结果对照。</translation>
    </message>
    <message>
        <source>clipping off</source>
        <translation>关闭梯度裁剪</translation>
    </message>
    <message>
        <source>clipping norm</source>
        <translation>按范数裁剪梯度</translation>
    </message>
    <message>
        <source>clipping value</source>
        <translation>按值裁剪梯度</translation>
    </message>
    <message>
        <source>the seed changed</source>
        <translation>随机种子变了</translation>
    </message>
    <message>
        <source>the network changed</source>
        <translation>网络变了</translation>
    </message>
    <message>
        <source>the input features changed</source>
        <translation>输入特征变了</translation>
    </message>
    <message>
        <source>the task changed</source>
        <translation>任务变了</translation>
    </message>
    <message>
        <source>the data set changed</source>
        <translation>数据集变了</translation>
    </message>
    <message>
        <source>seed {old} → {new}</source>
        <translation>随机种子 {old} → {new}</translation>
    </message>
    <message>
        <source>data {old} → {new}</source>
        <translation>数据集 {old} → {new}</translation>
    </message>
    <message>
        <source>features {old} → {new}</source>
        <translation>输入特征 {old} → {new}</translation>
    </message>
    <message>
        <source>hidden layers {old} → {new}</source>
        <translation>隐藏层 {old} → {new}</translation>
    </message>
    <message>
        <source>activation {old} → {new}</source>
        <translation>激活函数 {old} → {new}</translation>
    </message>
    <message>
        <source>init {old} → {new}</source>
        <translation>初始化 {old} → {new}</translation>
    </message>
    <message>
        <source>{first}, {then}</source>
        <translation>{first}，{then}</translation>
    </message>
    <message>
        <source>optimizer {old} → {new}</source>
        <translation>优化器 {old} → {new}</translation>
    </message>
    <message>
        <source>schedule {old} → {new}</source>
        <translation>学习率调度 {old} → {new}</translation>
    </message>
    <message>
        <source>batch {old} → {new}</source>
        <translation>批大小 {old} → {new}</translation>
    </message>
    <message>
        <source>penalty {kind} {rate:g}</source>
        <translation>正则化 {kind} {rate:g}</translation>
    </message>
    <message>
        <source>evaluate every {steps}</source>
        <translation>每 {steps} 步评估一次</translation>
    </message>
    <message>
        <source>data edited</source>
        <translation>数据已修改</translation>
    </message>
    <message>
        <source>{first}; {then}</source>
        <translation>{first}；{then}</translation>
    </message>
    <message>
        <source>settings changed</source>
        <translation>设置已更改</translation>
    </message>
    <message>
        <source>he_normal init</source>
        <translation>He 正态初始化</translation>
    </message>
    <message>
        <source>xavier_uniform init</source>
        <translation>Xavier 均匀初始化</translation>
    </message>
    <message>
        <source>article init</source>
        <translation>文章的初始化（randn × 0.01）</translation>
    </message>
    <message>
        <source>leaky ReLU</source>
        <translation>Leaky ReLU</translation>
    </message>
    <message>
        <source>leaky ReLU, η {old:g} → {new:g}</source>
        <translation>Leaky ReLU，η {old:g} → {new:g}</translation>
    </message>
    <message>
        <source>ReLU and He init</source>
        <translation>ReLU 与 He 初始化</translation>
    </message>
    <message>
        <source>clip the gradient norm at 1</source>
        <translation>把梯度范数裁剪到 1</translation>
    </message>
    <message>
        <source>L2 regularisation {rate:g}</source>
        <translation>L2 正则化 {rate:g}</translation>
    </message>
    <message>
        <source>new initial weights</source>
        <translation>重新初始化的权重</translation>
    </message>
    <message>
        <source>the loss rises and falls around {mean:.3g} with no downward trend over {window} steps while each step changes the weights by {ratio:.2g} of their size: the learning rate η = {lr:g} is too high, steps jump across the valley; try η/3, a decaying schedule, or Adam</source>
        <translation>损失在 {mean:.3g} 附近上下振荡，{window} 步内没有下降趋势，而每一步都让权重改变其大小的 {ratio:.2g}：学习率 η = {lr:g} 太大，每一步都跳过了山谷；试试 η/3、学习率衰减或 Adam</translation>
    </message>
    <message>
        <source>the learning rate is too low: each step moves the weights by only {ratio:.1e} of their size and the loss fell by {fall:.2%} over the last {window} steps; try η × 10</source>
        <translation>学习率太小：每一步只让权重移动其大小的 {ratio:.1e}，最近 {window} 步损失只下降了 {fall:.2%}；试试 η × 10</translation>
    </message>
    <message>
        <source>the loss has stayed at {loss:.3g} for {window} steps although the gradients are not tiny (updates {ratio:.1e} of the weights): a plateau or saddle; momentum or Adam carries the weights across</source>
        <translation>虽然梯度并不小（更新量为权重的 {ratio:.1e}），损失却已在 {loss:.3g} 停留了 {window} 步：这是平台或鞍点；动量或 Adam 能带着权重越过它</translation>
    </message>
    <message>
        <source>{dead} of {units} units in layer {layer} are dead: their ReLU outputs 0 for every training sample, so no gradient reaches them; a smaller η, leaky ReLU or He init</source>
        <translation>第 {layer} 层的 {units} 个神经元中有 {dead} 个已经“死亡”：它们的 ReLU 对每个训练样本都输出 0，梯度传不到它们；试试更小的 η、Leaky ReLU 或 He 初始化</translation>
    </message>
    <message>
        <source>{saturated} of {units} {activation} units in layer {layer} are saturated (|z| &gt; {z:g} on most samples): their derivative is almost 0 and they hardly learn; smaller weights, inputs on a smaller scale, BatchNorm or ReLU</source>
        <translation>第 {layer} 层的 {units} 个 {activation} 神经元中有 {saturated} 个已饱和（大多数样本上 |z| &gt; {z:g}）：它们的导数几乎为 0，几乎学不动；试试更小的权重、缩小输入的尺度、批归一化（BatchNorm）或 ReLU</translation>
    </message>
    <message>
        <source>vanishing gradients: the first layer&apos;s gradient norm {first:.1e} is {ratio:.1e} × the last layer&apos;s {last:.1e}, so the first layers barely learn; ReLU, BatchNorm, Xavier/He init</source>
        <translation>梯度消失：第一层的梯度范数 {first:.1e} 只有最后一层 {last:.1e} 的 {ratio:.1e} 倍，前面几层几乎学不到东西；试试 ReLU、批归一化（BatchNorm）、Xavier/He 初始化</translation>
    </message>
    <message>
        <source>exploding gradients: {how}; gradient clipping, a smaller η, BatchNorm</source>
        <translation>梯度爆炸：{how}；试试梯度裁剪、更小的 η、批归一化（BatchNorm）</translation>
    </message>
    <message>
        <source>over-fitting: the test loss rose from {test_from:.3g} to {test_to:.3g} over {window} steps while the training loss fell from {train_from:.3g} to {train_to:.3g}; more data, L2 regularisation, dropout or a smaller network</source>
        <translation>过拟合：{window} 步内测试损失从 {test_from:.3g} 升到 {test_to:.3g}，而训练损失从 {train_from:.3g} 降到 {train_to:.3g}；试试更多数据、L2 正则化、Dropout 或更小的网络</translation>
    </message>
    <message>
        <source>all {units} units of layer {layer} compute the same thing (they started equal, so they get equal gradients and stay equal): random initialisation breaks the symmetry</source>
        <translation>第 {layer} 层的全部 {units} 个神经元计算的是同一个东西（它们初始值相同，得到的梯度也相同，于是一直相同）：随机初始化可以打破这种对称</translation>
    </message>
    <message>
        <source>the gradient norm grew {growth:.1e}× within {window} steps, from {from:.2g} to {norm:.2g}</source>
        <translation>梯度范数在 {window} 步内增长了 {growth:.1e} 倍，从 {from:.2g} 增至 {norm:.2g}</translation>
    </message>
    <message>
        <source>the first layer&apos;s gradient norm {first:.1e} is {ratio:.1e} × the last layer&apos;s</source>
        <translation>第一层的梯度范数 {first:.1e} 是最后一层的 {ratio:.1e} 倍</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>发散</translation>
    </message>
    <message>
        <source>oscillating</source>
        <translation>振荡</translation>
    </message>
    <message>
        <source>too_slow</source>
        <translation>学得太慢</translation>
    </message>
    <message>
        <source>plateau</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>dead_relu</source>
        <translation>ReLU 死亡</translation>
    </message>
    <message>
        <source>saturated</source>
        <translation>饱和</translation>
    </message>
    <message>
        <source>vanishing_gradients</source>
        <translation>梯度消失</translation>
    </message>
    <message>
        <source>exploding_gradients</source>
        <translation>梯度爆炸</translation>
    </message>
    <message>
        <source>overfitting</source>
        <translation>过拟合</translation>
    </message>
    <message>
        <source>symmetric_units</source>
        <translation>神经元对称</translation>
    </message>
    <message>
        <source>{what} at step {step} — the learning rate {lr:g} is too high for this network; try ≤ {lower:g}</source>
        <translation>第 {step} 步{what}——学习率 {lr:g} 对这个网络来说太大了；试试 ≤ {lower:g}</translation>
    </message>
    <message>
        <source>loss became {value}</source>
        <extracomment>the optimizer&apos;s ``lr`` the rate a schedule gives (one-cycle&apos;s ``max_lr``) another optimizer hyper-parameter (momentum 1e308) the loss overflowed before any update the gradient itself overflowed (exploding gradients)</extracomment>
        <translation>损失变成了 {value}</translation>
    </message>
    <message>
        <source>a weight became {value}</source>
        <translation>有权重变成了 {value}</translation>
    </message>
    <message>
        <source>{what} at step {step}, before any update — the starting weights already make the network&apos;s output overflow, so it is not the learning rate; try another initialiser, or fewer or narrower layers</source>
        <translation>第 {step} 步{what}，此时还没有任何更新——初始权重已经让网络的输出溢出，所以问题不在学习率；试试换一种初始化方法，或者减少层数、缩小层宽</translation>
    </message>
    <message>
        <source>{what} at step {step} — the gradient overflowed (exploding gradients), not only the learning rate; clip the gradient norm (at 1, say) or lower the learning rate</source>
        <translation>第 {step} 步{what}——梯度溢出了（梯度爆炸），不只是学习率的问题；试试裁剪梯度范数（比如裁剪到 1）或降低学习率</translation>
    </message>
    <message>
        <source>{what} at step {step} — {optimizer}&apos;s {name} {value} makes its updates overflow, not the learning rate {lr:g}; try {name} {default} (the default)</source>
        <translation>第 {step} 步{what}——是 {optimizer} 的 {name} = {value} 让更新溢出，而不是学习率 {lr:g}；试试 {name} = {default}（默认值）</translation>
    </message>
    <message>
        <source>{what} at step {step} — the learning rate {lr:g}, which the {schedule} schedule gives at this step ({field} {peak:g}), is too high for this network; try {field} ≤ {lower:g}</source>
        <translation>第 {step} 步{what}——{schedule} 学习率调度在这一步给出的学习率 {lr:g}（{field} = {peak:g}）对这个网络来说太大了；试试 {field} ≤ {lower:g}</translation>
    </message>
    <message>
        <source>in {interval}</source>
        <translation>在 {interval} 内</translation>
    </message>
    <message>
        <source>a finite number</source>
        <translation>有限的数</translation>
    </message>
    <message>
        <source>Steepest descent</source>
        <translation>最陡下降</translation>
    </message>
    <message>
        <source>At {lr:.3g} the loss fell fastest as the rate grew, so this rate learns quickest: a bold but sound choice.</source>
        <translation>随着学习率增大，损失在 {lr:.3g} 处下降得最快，所以这个学习率学得最快：大胆但稳妥的选择。</translation>
    </message>
    <message>
        <source>Minimum ÷ 10</source>
        <translation>最低点 ÷ 10</translation>
    </message>
    <message>
        <source>The loss was lowest at {lowest:.3g}, a rate close to unstable, so a tenth of it, {lr:.3g}, is a safe choice that still learns well.</source>
        <translation>损失在 {lowest:.3g} 处最低，这个学习率已接近不稳定，所以取它的十分之一 {lr:.3g}：既安全又学得不错。</translation>
    </message>
    <message>
        <source>the loss became {loss:g} at step {step} (rate {lr:.3g})</source>
        <translation>第 {step} 步损失变成了 {loss:g}（学习率 {lr:.3g}）</translation>
    </message>
    <message>
        <source>the smoothed loss rose above {factor:g}× its minimum at step {step} (rate {lr:.3g})</source>
        <translation>第 {step} 步平滑后的损失超过了其最小值的 {factor:g} 倍（学习率 {lr:.3g}）</translation>
    </message>
    <message>
        <source>a weight became non-finite at step {step} (rate {lr:.3g})</source>
        <translation>第 {step} 步有权重变成了非有限值（学习率 {lr:.3g}）</translation>
    </message>
    <message>
        <source>stopped early: {reason}</source>
        <translation>提前停止：{reason}</translation>
    </message>
    <message>
        <source>cancelled after {done} of {planned} steps</source>
        <translation>已在 {planned} 步中的第 {done} 步后取消</translation>
    </message>
    <message>
        <source>all {planned} steps done</source>
        <translation>全部 {planned} 步已完成</translation>
    </message>
    <message>
        <source>{done} of {planned} steps done</source>
        <translation>已完成 {done}/{planned} 步</translation>
    </message>
    <message>
        <source>must be {wanted}, got {got}</source>
        <translation>应为 {wanted}，实际为 {got}</translation>
    </message>
    <message>
        <source>top level</source>
        <translation>顶层</translation>
    </message>
    <message>
        <source>… and {count} more problems</source>
        <translation>……还有 {count} 个问题</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>布尔值</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>one of {names}</source>
        <translation>以下之一：{names}</translation>
    </message>
    <message>
        <source> (did you mean {name}?)</source>
        <translation>（是不是想写 {name}？）</translation>
    </message>
    <message>
        <source>must be an object ({{...}}), got {got}</source>
        <translation>应为对象（{{...}}），实际为 {got}</translation>
    </message>
    <message>
        <source>appears more than once in this object</source>
        <translation>在这个对象中出现了不止一次</translation>
    </message>
    <message>
        <source>… and {count} more keys appear more than once</source>
        <translation>……还有 {count} 个键重复出现</translation>
    </message>
    <message>
        <source>unknown key; allowed: {names}{hint}</source>
        <translation>未知的键；允许的键：{names}{hint}</translation>
    </message>
    <message>
        <source>… and {count} more unknown keys</source>
        <translation>……还有 {count} 个未知的键</translation>
    </message>
    <message>
        <source>an integer in {low}..{high}</source>
        <translation>{low}..{high} 之间的整数</translation>
    </message>
    <message>
        <source>an integer &gt;= {low}</source>
        <translation>&gt;= {low} 的整数</translation>
    </message>
    <message>
        <source>between {low} and {high}</source>
        <translation>{low} 到 {high} 之间</translation>
    </message>
    <message>
        <source>{low} and {high}</source>
        <translation>{low} 且 {high}</translation>
    </message>
    <message>
        <source>a number {range}</source>
        <translation>{range} 的数</translation>
    </message>
    <message>
        <source>true, false or null</source>
        <translation>true、false 或 null</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <source>holds an invalid character (a lone surrogate {bad})</source>
        <translation>含有无效字符（孤立的代理字符 {bad}）</translation>
    </message>
    <message>
        <source>must be {wanted}, got {got}{hint}</source>
        <translation>应为 {wanted}，实际为 {got}{hint}</translation>
    </message>
    <message>
        <source>Lower the learning rate ×10 and reset</source>
        <translation>学习率降为 1/10 并重置</translation>
    </message>
    <message>
        <source>Divide the learning rate by 10 and start again from step 0</source>
        <translation>把学习率除以 10，从第 0 步重新开始</translation>
    </message>
    <message>
        <source>Lower {name} ×10 and reset</source>
        <translation>{name} 降为 1/10 并重置</translation>
    </message>
    <message>
        <source>Set the schedule&apos;s {name} to {value}, a tenth of it, and start again from step 0</source>
        <translation>把学习率调度的 {name} 设为 {value}（原来的 1/10），从第 0 步重新开始</translation>
    </message>
    <message>
        <source>Set {name} to {value} and reset</source>
        <translation>把 {name} 设为 {value} 并重置</translation>
    </message>
    <message>
        <source>Set the optimizer&apos;s {name} back to {value}, its default, and start again from step 0</source>
        <translation>把优化器的 {name} 恢复为默认值 {value}，从第 0 步重新开始</translation>
    </message>
    <message>
        <source>New initial weights and reset</source>
        <translation>重新初始化权重并重置</translation>
    </message>
    <message>
        <source>Start again from step 0 from the weights the initialiser draws (the weights that overflowed are dropped)</source>
        <translation>用初始化方法生成的权重从第 0 步重新开始（溢出的权重被丢弃）</translation>
    </message>
    <message>
        <source>Smaller initial weights and reset</source>
        <translation>用更小的初始权重并重置</translation>
    </message>
    <message>
        <source>Draw the starting weights with {init} and start again from step 0</source>
        <translation>用{init}生成初始权重，从第 0 步重新开始</translation>
    </message>
    <message>
        <source>Clip the gradient norm at 1 and reset</source>
        <translation>把梯度范数裁剪到 1 并重置</translation>
    </message>
    <message>
        <source>Rescale the gradient so that its norm is at most 1 at every step, and start again from step 0</source>
        <translation>每一步都缩放梯度，使其范数不超过 1，从第 0 步重新开始</translation>
    </message>
    <message>
        <source>&lt;b&gt;Training stopped.&lt;/b&gt; {explanation}.</source>
        <translation>&lt;b&gt;训练已停止。&lt;/b&gt;{explanation}。</translation>
    </message>
    <message>
        <source>Circle</source>
        <translation>圆形</translation>
    </message>
    <message>
        <source>Exclusive or</source>
        <translation>异或</translation>
    </message>
    <message>
        <source>Two Gaussians</source>
        <translation>两个高斯簇</translation>
    </message>
    <message>
        <source>Spiral</source>
        <translation>螺旋</translation>
    </message>
    <message>
        <source>Two moons</source>
        <translation>双月牙</translation>
    </message>
    <message>
        <source>Checkerboard</source>
        <translation>棋盘格</translation>
    </message>
    <message>
        <source>Three-arm spiral</source>
        <translation>三臂螺旋</translation>
    </message>
    <message>
        <source>Four blobs</source>
        <translation>四个团簇</translation>
    </message>
    <message>
        <source>Plane (regression)</source>
        <translation>平面（回归）</translation>
    </message>
    <message>
        <source>Gaussians (regression)</source>
        <translation>高斯（回归）</translation>
    </message>
    <message>
        <source>Divides the rate by the root of the sum of all past g², per weight: rarely-updated weights keep larger steps; the rate only ever shrinks.</source>
        <translation>对每个权重，把学习率除以以往所有 g² 之和的平方根：很少更新的权重保留较大的步长；学习率只会越来越小。</translation>
    </message>
    <message>
        <source>The rate is η / (1 + (t − 1)·lr_decay) at step t.</source>
        <translation>第 t 步的学习率为 η / (1 + (t − 1)·lr_decay)。</translation>
    </message>
    <message>
        <source>lr_decay</source>
        <translation>学习率衰减</translation>
    </message>
    <message>
        <source>Start value of the sum of g² (read at the first step).</source>
        <translation>g² 累加和的初始值（在第一步读取）。</translation>
    </message>
    <message>
        <source>initial acc.</source>
        <translation>累加初值</translation>
    </message>
    <message>
        <source>Decay rates of the running means of g and g².</source>
        <translation>g 与 g² 滑动平均的衰减率。</translation>
    </message>
    <message>
        <source>Decay of the running mean of g (the momentum part), PyTorch&apos;s betas[0]; 0.9 is typical.</source>
        <translation>g 的滑动平均（动量部分）的衰减率，即 PyTorch 的 betas[0]；常用 0.9。</translation>
    </message>
    <message>
        <source>Decay of the running mean of g² (the per-weight scale), PyTorch&apos;s betas[1]; 0.999 is typical.</source>
        <translation>g² 的滑动平均（每个权重的尺度）的衰减率，即 PyTorch 的 betas[1]；常用 0.999。</translation>
    </message>
    <message>
        <source>Use the running maximum of v (the AMSGrad variant): the per-weight step can only shrink.</source>
        <translation>使用 v 的历史最大值（AMSGrad 变体）：每个权重的步长只会缩小。</translation>
    </message>
    <message>
        <source>Momentum (a running mean of g) divided by a running RMS of g, bias-corrected.</source>
        <translation>动量（g 的滑动平均）除以 g 的滑动均方根，并做偏差修正。</translation>
    </message>
    <message>
        <source>Adam with decoupled weight decay (θ shrinks by η·λ·θ each step).</source>
        <translation>带解耦权重衰减的 Adam（每步 θ 缩小 η·λ·θ）。</translation>
    </message>
    <message>
        <source>θ ← θ − η·λ·θ, then the Adam step</source>
        <translation>θ ← θ − η·λ·θ，然后做 Adam 的一步</translation>
    </message>
    <message>
        <source>Shrinks every weight by η·λ·θ each step, apart from the Adam step (decoupled).</source>
        <translation>每步把每个权重缩小 η·λ·θ，与 Adam 的更新分开（解耦）。</translation>
    </message>
    <message>
        <source>Divides the rate by a running RMS of recent gradients, per weight.</source>
        <translation>对每个权重，把学习率除以近期梯度的滑动均方根。</translation>
    </message>
    <message>
        <source>Smoothing of the running mean of g²: v ← α·v + (1 − α)·g².</source>
        <translation>g² 滑动平均的平滑系数：v ← α·v + (1 − α)·g²。</translation>
    </message>
    <message>
        <source>b ← μ·b + g/(√v + ε), θ ← θ − η·b.</source>
        <translation>b ← μ·b + g/(√v + ε)，θ ← θ − η·b。</translation>
    </message>
    <message>
        <source>momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <source>Divide by an estimate of the gradient&apos;s standard deviation instead of its RMS.</source>
        <translation>除以梯度标准差的估计值，而不是其均方根。</translation>
    </message>
    <message>
        <source>centered</source>
        <translation>中心化</translation>
    </message>
    <message>
        <source>Stochastic gradient descent: a step against the gradient, optionally with momentum.</source>
        <translation>随机梯度下降：沿负梯度方向走一步，可选加动量。</translation>
    </message>
    <message>
        <source>Keeps the step going the way it was going; 0.9 is typical.</source>
        <translation>让步子沿原来的方向继续前进；常用 0.9。</translation>
    </message>
    <message>
        <source>Scales down the new gradient&apos;s share in the momentum.</source>
        <translation>减小新梯度在动量中所占的份额。</translation>
    </message>
    <message>
        <source>dampening</source>
        <translation>阻尼</translation>
    </message>
    <message>
        <source>Nesterov momentum: step with g + μ·b, a look ahead (needs momentum &gt; 0 and dampening 0).</source>
        <translation>Nesterov 动量：用 g + μ·b 更新，相当于向前看一步（需要动量 &gt; 0 且阻尼为 0）。</translation>
    </message>
    <message>
        <source>The starting learning rate (the optimizer&apos;s lr).</source>
        <translation>起始学习率（优化器的 lr）。</translation>
    </message>
    <message>
        <source>Linear warm-up: η ramps up from η₀/(W+1) over the first W units (steps or epochs), then the schedule starts (torch&apos;s LinearLR).</source>
        <translation>线性预热：在前 W 个单位（步或轮）内，η 从 η₀/(W+1) 逐渐升高，然后才开始学习率调度（torch 的 LinearLR）。</translation>
    </message>
    <message>
        <source>warmup</source>
        <translation>预热</translation>
    </message>
    <message>
        <source>cosine</source>
        <translation>余弦</translation>
    </message>
    <message>
        <source>η falls from η₀ to eta_min along a half cosine over T_max (with restarts: jumps back to η₀ every T_max).</source>
        <translation>η 在 T_max 内沿半个余弦从 η₀ 降到 eta_min（带重启时：每隔 T_max 跳回 η₀）。</translation>
    </message>
    <message>
        <source>Units from η₀ down to eta_min (half a cosine period).</source>
        <translation>从 η₀ 降到 eta_min 所用的单位数（半个余弦周期）。</translation>
    </message>
    <message>
        <source>T_max</source>
        <translation>T_max</translation>
    </message>
    <message>
        <source>The lowest rate, at most the learning rate.</source>
        <translation>最低学习率，不超过学习率。</translation>
    </message>
    <message>
        <source>eta_min</source>
        <translation>η 最小值</translation>
    </message>
    <message>
        <source>Warm restarts: jump back to η₀ every T_max (CosineAnnealingWarmRestarts).</source>
        <translation>热重启：每隔 T_max 跳回 η₀（CosineAnnealingWarmRestarts）。</translation>
    </message>
    <message>
        <source>restarts</source>
        <translation>重启</translation>
    </message>
    <message>
        <source>Length of the first cycle with restarts (default T_max).</source>
        <translation>带重启时第一个周期的长度（默认 T_max）。</translation>
    </message>
    <message>
        <source>Each cycle is T_mult times longer than the one before.</source>
        <translation>每个周期是前一个的 T_mult 倍长。</translation>
    </message>
    <message>
        <source>one-cycle</source>
        <translation>单周期</translation>
    </message>
    <message>
        <source>η rises to max_lr, then anneals far below the start, over total_steps (momentum cycles the other way).</source>
        <translation>在 total_steps 内，η 先升到 max_lr，再退火到远低于起点（动量反向循环）。</translation>
    </message>
    <message>
        <source>Peak rate of the cycle (default: the learning rate).</source>
        <translation>周期中的最高学习率（默认：学习率）。</translation>
    </message>
    <message>
        <source>max_lr</source>
        <translation>最大学习率</translation>
    </message>
    <message>
        <source>Length of the whole cycle, in steps.</source>
        <translation>整个周期的长度（步数）。</translation>
    </message>
    <message>
        <source>total_steps</source>
        <translation>总步数</translation>
    </message>
    <message>
        <source>Share of the cycle spent raising η.</source>
        <translation>周期中用于升高 η 的比例。</translation>
    </message>
    <message>
        <source>pct_start</source>
        <translation>上升比例</translation>
    </message>
    <message>
        <source>How η moves between its values.</source>
        <translation>η 在各个值之间如何变化。</translation>
    </message>
    <message>
        <source>The cycle starts at max_lr / div_factor.</source>
        <translation>周期从 max_lr / div_factor 开始。</translation>
    </message>
    <message>
        <source>The cycle ends at the start rate / final_div_factor.</source>
        <translation>周期结束于起始学习率 / final_div_factor。</translation>
    </message>
    <message>
        <source>Come back down to the start rate before the final annealing.</source>
        <translation>在最后的退火之前先回落到起始学习率。</translation>
    </message>
    <message>
        <source>Cycle the momentum (SGD momentum or Adam&apos;s β₁) against η.</source>
        <translation>让动量（SGD 的动量或 Adam 的 β₁）与 η 反向循环。</translation>
    </message>
    <message>
        <source>The momentum at the rate&apos;s peak.</source>
        <translation>学习率最高处的动量。</translation>
    </message>
    <message>
        <source>The momentum at the start and the end.</source>
        <translation>开始和结束时的动量。</translation>
    </message>
    <message>
        <source>on plateau</source>
        <translation>平台期衰减</translation>
    </message>
    <message>
        <source>η × factor when the test loss has not improved for &apos;patience&apos; evaluations. The preview cannot know when that happens.</source>
        <translation>测试损失连续“耐心”次评估没有改善时，η 乘以衰减因子。预览无法预知何时发生。</translation>
    </message>
    <message>
        <source>η ← max(η·factor, min_lr) after patience evaluations without improvement</source>
        <translation>连续“耐心”次评估没有改善后，η ← max(η·因子, min_lr)</translation>
    </message>
    <message>
        <source>Whether the watched loss should fall or rise.</source>
        <translation>所监视的损失应当下降还是上升。</translation>
    </message>
    <message>
        <source>η ← η·factor when the loss stalls.</source>
        <translation>损失停滞时 η ← η·因子。</translation>
    </message>
    <message>
        <source>factor</source>
        <translation>衰减因子</translation>
    </message>
    <message>
        <source>Evaluations without improvement before η drops.</source>
        <translation>η 下降之前允许的无改善评估次数。</translation>
    </message>
    <message>
        <source>patience</source>
        <translation>耐心</translation>
    </message>
    <message>
        <source>How much better counts as an improvement.</source>
        <translation>好多少才算改善。</translation>
    </message>
    <message>
        <source>Whether threshold is relative or absolute.</source>
        <translation>阈值是相对的还是绝对的。</translation>
    </message>
    <message>
        <source>Evaluations to wait after a drop before counting again.</source>
        <translation>下降后重新计数前等待的评估次数。</translation>
    </message>
    <message>
        <source>η never drops below this.</source>
        <translation>η 不会低于这个值。</translation>
    </message>
    <message>
        <source>A drop smaller than eps is ignored.</source>
        <translation>小于 eps 的下降被忽略。</translation>
    </message>
    <message>
        <source>Click: add a point of the chosen class · Shift+click: the other class · Right-click: remove the nearest point</source>
        <translation>单击：添加所选类别的数据点 · Shift+单击：另一类别 · 右键单击：删除最近的数据点</translation>
    </message>
    <message>
        <source>Show test data</source>
        <translation>显示测试数据</translation>
    </message>
    <message>
        <source>Discretize output</source>
        <translation>离散化输出</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Input {feature}</source>
        <translation>输入 {feature}</translation>
    </message>
    <message>
        <source>Layer {k}</source>
        <translation>第 {k} 层</translation>
    </message>
    <message>
        <source>{where} · neuron {unit}</source>
        <translation>{where} · 神经元 {unit}</translation>
    </message>
    <message>
        <source>Not applied: {message}</source>
        <translation>未应用：{message}</translation>
    </message>
    <message>
        <source>Not applied:
{message}</source>
        <translation>未应用：
{message}</translation>
    </message>
    <message>
        <source>finite</source>
        <translation>有限值</translation>
    </message>
    <message>
        <source>{name}: &apos;{text}&apos; is not a number; type a whole number {allowed}</source>
        <translation>{name}：“{text}”不是数字；请输入{allowed}的整数</translation>
    </message>
    <message>
        <source>{name}: &apos;{text}&apos; is not a number; type a number {allowed}</source>
        <translation>{name}：“{text}”不是数字；请输入{allowed}的数</translation>
    </message>
    <message>
        <source>{name}: must be a finite number {allowed}, got {text}</source>
        <translation>{name}：必须是{allowed}的有限数，而输入的是 {text}</translation>
    </message>
    <message>
        <source>{name}: must be a whole number {allowed}, got {text}</source>
        <translation>{name}：必须是{allowed}的整数，而输入的是 {text}</translation>
    </message>
    <message>
        <source>{name}: must be a whole number within ±2**53, got {text}</source>
        <translation>{name}：必须是 ±2**53 以内的整数，而输入的是 {text}</translation>
    </message>
    <message>
        <source>{name}: must be {allowed}, got {value}</source>
        <translation>{name}：必须{allowed}，而输入的是 {value}</translation>
    </message>
    <message>
        <source>Show or hide the {section} settings.</source>
        <translation>显示或隐藏“{section}”设置。</translation>
    </message>
    <message>
        <source>a = z: no bend at all; a stack of linear layers is still one linear map.</source>
        <translation>a = z：完全没有弯折；多个线性层叠在一起仍然只是一个线性映射。</translation>
    </message>
    <message>
        <source>a = 1/(1+e^−z), output in (0, 1); its slope is at most 1/4, so gradients shrink layer after layer (vanishing gradients).</source>
        <translation>a = 1/(1+e^−z)，输出在 (0, 1) 内；斜率最大为 1/4，所以梯度逐层缩小（梯度消失）。</translation>
    </message>
    <message>
        <source>a = tanh z, output in (−1, 1), centred on 0; saturates for large |z|.</source>
        <translation>a = tanh z，输出在 (−1, 1) 内，以 0 为中心；|z| 大时饱和。</translation>
    </message>
    <message>
        <source>a = max(0, z): cheap, does not saturate for z &gt; 0; a neuron stuck at z &lt; 0 stops learning (&apos;dead ReLU&apos;).</source>
        <translation>a = max(0, z)：计算便宜，z &gt; 0 时不饱和；卡在 z &lt; 0 的神经元不再学习（“死亡 ReLU”）。</translation>
    </message>
    <message>
        <source>a = z for z &gt; 0, 0.01·z otherwise: a ReLU that never quite dies.</source>
        <translation>z &gt; 0 时 a = z，否则 a = 0.01·z：永远不会完全死亡的 ReLU。</translation>
    </message>
    <message>
        <source>a = z for z &gt; 0, e^z − 1 otherwise: smooth, negative outputs allowed.</source>
        <translation>z &gt; 0 时 a = z，否则 a = e^z − 1：光滑，允许负输出。</translation>
    </message>
    <message>
        <source>a = z·Φ(z): a smooth ReLU used by transformers.</source>
        <translation>a = z·Φ(z)：Transformer 中使用的光滑 ReLU。</translation>
    </message>
    <message>
        <source>a = z·sigmoid(z) (swish): smooth, slightly non-monotonic.</source>
        <translation>a = z·sigmoid(z)（swish）：光滑，略微非单调。</translation>
    </message>
    <message>
        <source>a = sin z: periodic; good at periodic patterns, tricky to train.</source>
        <translation>a = sin z：周期函数；擅长周期性模式，但不易训练。</translation>
    </message>
    <message>
        <source>Hidden layer {k} (1 is next to the inputs).</source>
        <translation>第 {k} 个隐藏层（1 紧挨着输入）。</translation>
    </message>
    <message>
        <source>One neuron fewer in layer {k}.</source>
        <translation>第 {k} 层减少一个神经元。</translation>
    </message>
    <message>
        <source>Neurons in layer {k} (1–{max}). More neurons can draw more complicated boundaries, and can also memorise the noise.</source>
        <translation>第 {k} 层的神经元数（1–{max}）。神经元越多，能画出的边界越复杂，也越可能记住噪声。</translation>
    </message>
    <message>
        <source>One neuron more in layer {k}.</source>
        <translation>第 {k} 层增加一个神经元。</translation>
    </message>
    <message>
        <source>Activation of layer {k}: the non-linearity applied to each neuron&apos;s sum z.</source>
        <translation>第 {k} 层的激活函数：作用在每个神经元的加权和 z 上的非线性函数。</translation>
    </message>
    <message>
        <source>Batch normalisation in layer {k}: standardise z over the mini-batch (then scale and shift, learned) before the activation. Keeps deep nets trainable.</source>
        <translation>第 {k} 层的批归一化：在激活函数之前，把 z 在小批量上标准化（再做可学习的缩放和平移）。让深层网络保持可训练。</translation>
    </message>
    <message>
        <source>Dropout in layer {k}: during training each output is zeroed with this probability (the rest scaled by 1/(1−p)), so no neuron can rely on another. Fights overfitting; 0 = off.</source>
        <translation>第 {k} 层的 Dropout：训练时每个输出以这个概率被置零（其余的乘以 1/(1−p)），使神经元不能依赖彼此。用于对抗过拟合；0 = 关闭。</translation>
    </message>
    <message>
        <source>Learning rate η in θ ← θ − η·∇J(θ): how far each step moves the weights along the negative gradient. Too small: training crawls. Too large: the loss oscillates or explodes.
Type any value from 0.00001 to 10 and press Enter, drag the slider (log scale) or click a preset. Changes apply at once, even while training.</source>
        <translation>θ ← θ − η·∇J(θ) 中的学习率 η：每一步沿负梯度方向把权重移动多远。太小：训练像爬行。太大：损失振荡或爆炸。
输入 0.00001 到 10 之间的任意值并按 Enter，拖动滑块（对数刻度），或单击预设值。更改立即生效，训练中也一样。</translation>
    </message>
    <message>
        <source>Set the learning rate to {rate}.</source>
        <translation>把学习率设为 {rate}。</translation>
    </message>
    <message>
        <source>Learning rate on a log scale: each tenth of the slider is ten times larger (0.00001 … 10). Applied when you let go.</source>
        <translation>对数刻度的学习率：滑块每移动十分之一，学习率变为十倍（0.00001 … 10）。松开时生效。</translation>
    </message>
    <message>
        <source>How a gradient becomes a step. Changing the optimizer restarts training; its hyper-parameters below can be changed while it runs.</source>
        <translation>梯度如何变成一步更新。更换优化器会重新开始训练；下面的超参数可以在训练中修改。</translation>
    </message>
    <message>
        <source>True or False</source>
        <translation>勾选或不勾选</translation>
    </message>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <source>integer in {interval}</source>
        <translation>{interval} 内的整数</translation>
    </message>
    <message>
        <source>True</source>
        <translation>勾选</translation>
    </message>
    <message>
        <source>False</source>
        <translation>不勾选</translation>
    </message>
    <message>
        <source>{symbol}: {meaning}</source>
        <translation>{symbol}：{meaning}</translation>
    </message>
    <message>
        <source>Allowed: {allowed}.</source>
        <translation>允许：{allowed}。</translation>
    </message>
    <message>
        <source>Allowed: {allowed}; default {default}.</source>
        <translation>允许：{allowed}；默认 {default}。</translation>
    </message>
    <message>
        <source>{meaning} {allowed}</source>
        <comment>a tooltip&apos;s two sentences</comment>
        <translation>{meaning}{allowed}</translation>
    </message>
    <message>
        <source>= learning rate</source>
        <translation>= 学习率</translation>
    </message>
    <message>
        <source>shown: {value}</source>
        <translation>显示值：{value}</translation>
    </message>
    <message>
        <source>click to edit</source>
        <translation>单击编辑</translation>
    </message>
    <message>
        <source>Edit weight</source>
        <translation>编辑权重</translation>
    </message>
    <message>
        <source>Edit bias</source>
        <translation>编辑偏置</translation>
    </message>
    <message>
        <source>{what} (now {value}):</source>
        <translation>{what}（当前 {value}）：</translation>
    </message>
    <message>
        <source>{n} feature</source>
        <translation>{n} 个特征</translation>
    </message>
    <message>
        <source>{n} features</source>
        <translation>{n} 个特征</translation>
    </message>
    <message>
        <source>Input · {count}</source>
        <translation>输入 · {count}</translation>
    </message>
    <message>
        <source>Input
{count}</source>
        <translation>输入
{count}</translation>
    </message>
    <message>
        <source>In
{n}</source>
        <translation>输入
{n}</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>L{k}</source>
        <translation>L{k}</translation>
    </message>
    <message>
        <source>{n} unit</source>
        <translation>{n} 个神经元</translation>
    </message>
    <message>
        <source>{n} units</source>
        <translation>{n} 个神经元</translation>
    </message>
    <message>
        <source>Export Python script</source>
        <translation>导出 Python 脚本</translation>
    </message>
    <message>
        <source>A readable script that trains this experiment as nnsim does: the same initial weights, data and batch order. It saves weights_final.npz (as nnsim run does) in the folder it is run from; its data are written beside it (.data.npz).</source>
        <translation>一个易读的脚本，按 nnsim 的方式训练这个实验：相同的初始权重、数据和小批量顺序。它在运行所在的文件夹中保存 weights_final.npz（与 nnsim 命令行训练相同）；它的数据写在脚本旁边（.data.npz）。</translation>
    </message>
    <message>
        <source>&amp;NumPy only — the article&apos;s code, corrected</source>
        <translation>只用 &amp;NumPy —— 文章中的代码，已修正</translation>
    </message>
    <message>
        <source>forward_propagation, compute_loss, backward_propagation and the optimizer&apos;s update written out; reproduces nnsim&apos;s weights to 1e-12</source>
        <translation>完整写出 forward_propagation、compute_loss、backward_propagation 和优化器的更新；复现 nnsim 的权重，误差不超过 1e-12</translation>
    </message>
    <message>
        <source>&amp;PyTorch — torch.nn.Sequential, torch.optim</source>
        <translation>&amp;PyTorch —— torch.nn.Sequential、torch.optim</translation>
    </message>
    <message>
        <source>torch.optim and the lr_scheduler classes in float64; reproduces nnsim&apos;s weights to 1e-9</source>
        <translation>以 float64 使用 torch.optim 和 lr_scheduler 类；复现 nnsim 的权重，误差不超过 1e-9</translation>
    </message>
    <message>
        <source>Mini-batch steps the script trains (nnsim run&apos;s default: {steps})</source>
        <translation>脚本训练的小批量步数（nnsim 命令行训练的默认值：{steps}）</translation>
    </message>
    <message>
        <source>Library:</source>
        <translation>库：</translation>
    </message>
    <message>
        <source>&amp;Steps:</source>
        <translation>步数(&amp;S)：</translation>
    </message>
    <message>
        <source>= {epochs:.3g} passes over the training set</source>
        <translation>= 遍历训练集 {epochs:.3g} 次</translation>
    </message>
    <message>
        <source>Save the Python script</source>
        <translation>保存 Python 脚本</translation>
    </message>
    <message>
        <source>Python script (*.py)</source>
        <translation>Python 脚本 (*.py)</translation>
    </message>
    <message>
        <source>Exported {script} and {data} ({steps} steps) to {folder}; run it with: python {script}</source>
        <translation>已将 {script} 和 {data}（{steps} 步）导出到 {folder}；运行方法：python {script}</translation>
    </message>
    <message>
        <source>Could not export {path}: {error}</source>
        <translation>无法导出 {path}：{error}</translation>
    </message>
    <message>
        <source>Could not export a script: {error}</source>
        <translation>无法导出脚本：{error}</translation>
    </message>
    <message>
        <source>log scale</source>
        <translation>对数坐标</translation>
    </message>
    <message>
        <source>step {step}: {change}</source>
        <translation>第 {step} 步：{change}</translation>
    </message>
    <message>
        <source>could not write {path}</source>
        <translation>无法写入 {path}</translation>
    </message>
    <message>
        <source>Export as {format} failed: {error}</source>
        <translation>导出为{format}失败：{error}</translation>
    </message>
    <message>
        <source>clear earlier runs</source>
        <translation>清除残影</translation>
    </message>
    <message>
        <source>Remove the faded curves of earlier runs (the last {count} runs a change restarted from new weights).</source>
        <translation>移除残影，即先前运行的淡色曲线（最近 {count} 次因修改而从新权重重新开始的运行）。</translation>
    </message>
    <message>
        <source>earlier: {change}</source>
        <translation>残影：{change}</translation>
    </message>
    <message>
        <source>10⁻³ rule of thumb</source>
        <translation>经验值 10⁻³</translation>
    </message>
    <message>
        <source>gradient norm</source>
        <translation>梯度范数</translation>
    </message>
    <message>
        <source>|∂J/∂w| now</source>
        <translation>当前 |∂J/∂w|</translation>
    </message>
    <message>
        <source>Each line is one layer&apos;s ‖∂J/∂W‖, the size of its weight gradient, at each step.
Lines falling apart by orders of magnitude from the last layer to the first =
vanishing gradients: the first layers barely learn. Lines shooting up = exploding.</source>
        <translation>每条线是某一层在每一步的 ‖∂J/∂W‖，即其权重梯度的大小。
从最后一层到第一层，线条按数量级逐层拉开 =
梯度消失：前面的层几乎学不到东西。线条急剧上升 = 梯度爆炸。</translation>
    </message>
    <message>
        <source>weight norm</source>
        <translation>权重范数</translation>
    </message>
    <message>
        <source>|w| now</source>
        <translation>当前 |w|</translation>
    </message>
    <message>
        <source>Each line is one layer&apos;s ‖W‖, the size of its weights, at each step.
Steady growth means the weights keep getting bigger (regularisation holds them back).</source>
        <translation>每条线是某一层在每一步的 ‖W‖，即其权重的大小。
持续增长表示权重越来越大（正则化可以抑制它）。</translation>
    </message>
    <message>
        <source>update / weight ratio</source>
        <translation>更新量 / 权重比</translation>
    </message>
    <message>
        <source>Each line is how much one step changes a layer&apos;s weights, relative to their size.
Rule of thumb (dashed red line): about 10⁻³. Far below: that layer hardly learns
(learning rate too low); far above: updates are too violent (learning rate too high).</source>
        <translation>每条线表示一步使某一层的权重改变了多少（相对于权重本身的大小）。
经验值（红色虚线）：约 10⁻³。远低于它：该层几乎学不到东西
（学习率太低）；远高于它：更新过于剧烈（学习率太高）。</translation>
    </message>
    <message>
        <source>Right: one box per layer summarising the magnitude of every single weight&apos;s
gradient |∂J/∂w| at the latest step (log scale; weights |w| for &apos;weight norm&apos;).
Box: the middle half of the values (25th–75th percentile); dark tick: the median;
whisker: 5th–95th percentile; dot: the largest.
Boxes sliding down decade by decade from the output layer (right) to the first
layer (left) = vanishing gradients, in every weight, not just on average.
&apos;n% zero&apos; (or &apos;n%&apos;) at the bottom: that share of the layer&apos;s gradients is exactly 0
(e.g. dead ReLUs, which no longer learn); a layer with no box has only zeros.</source>
        <translation>右图：每层一个箱形，概括最新一步中每个权重的梯度 |∂J/∂w| 的大小
（对数坐标；选“权重范数”时为权重 |w|）。
箱体：中间一半的数值（第 25–75 百分位）；深色短线：中位数；
须线：第 5–95 百分位；圆点：最大值。
箱形从输出层（右）到第一层（左）逐个数量级下降 = 梯度消失，
而且发生在每个权重上，不只是平均值。
底部的“n% 为零”（或“n%”）：该层梯度中恰好为 0 的比例
（例如不再学习的“死亡” ReLU）；没有箱形的层只有零。</translation>
    </message>
    <message>
        <source>The latest value in the first and in the last layer.</source>
        <translation>第一层和最后一层的最新值。</translation>
    </message>
    <message>
        <source>What the lines show per layer: the gradient&apos;s size, the weights&apos; size,
or how much one step changes the weights relative to their size.</source>
        <translation>每层的线条显示什么：梯度的大小、权重的大小，
或一步相对于权重大小改变了多少。</translation>
    </message>
    <message>
        <source>Log y axis: layers whose gradients differ by factors of 1000 all stay visible.</source>
        <translation>对数 y 轴：梯度相差上千倍的各层都能看清。</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>{share} zero</source>
        <translation>{share} 为零</translation>
    </message>
    <message>
        <source>Loss vs training step.
grey: the loss of each mini-batch (noisy: every batch is different);
blue: loss on the whole training set; orange: loss on the held-out test set.
Test loss rising while train loss falls = over-fitting.
Pale lines (right axis): accuracy, the share of points classified right.
Vertical dashed lines mark hyper-parameter changes made during the run;
amber ones what the coach found (its panel says more).</source>
        <translation>损失随训练步数的变化。
灰色：每个小批量的损失（有噪声：每个小批量都不同）；
蓝色：整个训练集上的损失；橙色：留出的测试集上的损失。
测试损失上升而训练损失下降 = 过拟合。
淡色线（右轴）：准确率，即分类正确的数据点所占比例。
竖直虚线标出运行中修改超参数的位置；
琥珀色的是教练发现的问题（详见教练面板）。</translation>
    </message>
    <message>
        <source>Values at the step under the mouse (the latest step otherwise).</source>
        <translation>鼠标所在步的数值（否则为最新一步）。</translation>
    </message>
    <message>
        <source>Log y axis: equal heights are equal ratios, so the slow late progress
(0.1 → 0.01) is as visible as the fast early one (1 → 0.1).</source>
        <translation>对数 y 轴：相同的高度代表相同的倍数，因此后期缓慢的进展
（0.1 → 0.01）与前期快速的进展（1 → 0.1）一样清楚。</translation>
    </message>
    <message>
        <source>batch loss</source>
        <translation>小批量损失</translation>
    </message>
    <message>
        <source>train loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <source>test loss</source>
        <translation>测试损失</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>train acc.</source>
        <translation>训练准确率</translation>
    </message>
    <message>
        <source>test acc.</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <source>step 0 — press Play or Step to train</source>
        <translation>第 0 步 —— 按“播放”或“单步”开始训练</translation>
    </message>
    <message>
        <source>batch {loss}</source>
        <translation>小批量 {loss}</translation>
    </message>
    <message>
        <source>train {loss}</source>
        <translation>训练 {loss}</translation>
    </message>
    <message>
        <source>test {loss}</source>
        <translation>测试 {loss}</translation>
    </message>
    <message>
        <source>acc {train} / {test}</source>
        <translation>准确率 {train} / {test}</translation>
    </message>
    <message>
        <source> (step {step})</source>
        <translation>（第 {step} 步）</translation>
    </message>
    <message>
        <source>X axis</source>
        <translation>X 轴</translation>
    </message>
    <message>
        <source>Y axis</source>
        <translation>Y 轴</translation>
    </message>
    <message>
        <source>Entire Scene</source>
        <translation>整个画面</translation>
    </message>
    <message>
        <source>Plot</source>
        <translation>曲线图</translation>
    </message>
    <message>
        <source>ViewBox</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>Image File (PNG, TIF, JPG, ...)</source>
        <translation>图像文件（PNG、TIF、JPG 等）</translation>
    </message>
    <message>
        <source>Scalable Vector Graphics (SVG)</source>
        <translation>可缩放矢量图（SVG）</translation>
    </message>
    <message>
        <source>CSV of original plot data</source>
        <translation>原始绘图数据的 CSV</translation>
    </message>
    <message>
        <source>Matplotlib Window</source>
        <translation>Matplotlib 窗口</translation>
    </message>
    <message>
        <source>HDF5 Export: plot (x,y)</source>
        <translation>HDF5 导出：曲线 (x,y)</translation>
    </message>
    <message>
        <source>If False, strokes are non-scaling, which means that they appear the same width on screen regardless of how they are scaled or how the view is zoomed.</source>
        <translation>不勾选时，线宽不随缩放变化：无论图如何缩放、视图如何放大，线条在屏幕上的宽度都相同。</translation>
    </message>
    <message>
        <source>comma</source>
        <translation>逗号</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>(x,y) per plot</source>
        <translation>每条曲线一组 (x,y)</translation>
    </message>
    <message>
        <source>(x,y,y,y) for all plots</source>
        <translation>所有曲线共用 (x,y,y,y)</translation>
    </message>
    <message>
        <source>The step along the gradient: the loss at θ − η·g for step sizes η around the chosen
learning rate, g the gradient of the next step&apos;s mini-batch (with the penalty).
grey: that mini-batch&apos;s loss; blue: the whole training set&apos;s loss;
green dashed: the quadratic model J − η·‖g‖² + ½η²·gᵀHg from the gradient and the
curvature along the line; red line: the chosen learning rate, dots where it lands;
diamonds: the best step along the line. A rate past the minimum skips over it.
Pink dotted (other optimizers): the training loss along the optimizer&apos;s actual update.
Measured only while this tab is shown (a few times a second while training).</source>
        <translation>沿梯度的一步：在所选学习率附近的各个步长 η 下，θ − η·g 处的损失，
g 为下一步小批量的梯度（含正则化惩罚项）。
灰色：该小批量的损失；蓝色：整个训练集的损失；
绿色虚线：由梯度和沿该直线的曲率得到的二次模型 J − η·‖g‖² + ½η²·gᵀHg；
红线：所选的学习率，圆点是它落下的位置；
菱形：沿该直线的最佳步长。学习率越过最小值，这一步就会跳过它。
粉色点线（其他优化器）：沿优化器实际更新方向的训练损失。
只在显示此标签页时测量（训练时每秒几次）。</translation>
    </message>
    <message>
        <source>Press Step (→) or Play: the loss along the next step&apos;s gradient is drawn here.</source>
        <translation>按“单步”（→）或“播放”：这里会画出沿下一步梯度的损失。</translation>
    </message>
    <message>
        <source>From η = 0 to the chosen η; under the mouse, the values there.</source>
        <translation>从 η = 0 到所选的 η；鼠标所在处显示该处的数值。</translation>
    </message>
    <message>
        <source>log η</source>
        <translation>对数 η</translation>
    </message>
    <message>
        <source>Log x axis: small steps get as much room as large ones, so a minimum far below
the chosen learning rate (a rate much too high) is as easy to see (η = 0 is left out).</source>
        <translation>对数 x 轴：小步长与大步长占同样多的空间，因此远低于所选学习率的
最小值（学习率过高时）也同样容易看清（不含 η = 0）。</translation>
    </message>
    <message>
        <source>step size η</source>
        <translation>步长 η</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>小批量</translation>
    </message>
    <message>
        <source>training set</source>
        <translation>训练集</translation>
    </message>
    <message>
        <source>quadratic model</source>
        <translation>二次模型</translation>
    </message>
    <message>
        <source>{optimizer}&apos;s update</source>
        <translation>{optimizer} 的更新</translation>
    </message>
    <message>
        <source>step {step} · η = 0 → {lr}: batch {batch_from} → {batch_to} · training set {train_from} → {train_to}</source>
        <translation>第 {step} 步 · η = 0 → {lr}：小批量 {batch_from} → {batch_to} · 训练集 {train_from} → {train_to}</translation>
    </message>
    <message>
        <source>training set {loss}</source>
        <translation>训练集 {loss}</translation>
    </message>
    <message>
        <source>model {loss}</source>
        <translation>模型 {loss}</translation>
    </message>
    <message>
        <source>At this step&apos;s Update phase (End runs to it) the loss along its gradient is drawn here: where the learning rate lands, and the best step along the line.</source>
        <translation>在这一步的“更新”阶段（“结束”会直接运行到那里），这里会画出沿其梯度的损失：学习率落在哪里，以及沿该直线的最佳步长。</translation>
    </message>
    <message>
        <source>No step line for this step: {error}</source>
        <translation>这一步没有步长曲线：{error}</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>……另有 {count} 处</translation>
    </message>
    <message>
        <source>line {line}: {message}</source>
        <translation>第 {line} 行：{message}</translation>
    </message>
    <message>
        <source>not a UTF-8 text file</source>
        <translation>不是 UTF-8 文本文件</translation>
    </message>
    <message>
        <source>malformed CSV: {error}</source>
        <translation>CSV 格式错误：{error}</translation>
    </message>
    <message>
        <source>expected 3 columns (x1,x2,label), found {count}</source>
        <translation>应有 3 列（x1,x2,label），实际为 {count} 列</translation>
    </message>
    <message>
        <source>{column} must be a finite number, got {cell!r}</source>
        <translation>{column} 应为有限的数，实际为 {cell!r}</translation>
    </message>
    <message>
        <source>point ({a:g}, {b:g}) is outside the area [-{bound:g}, {bound:g}]²</source>
        <translation>点 ({a:g}, {b:g}) 在区域 [-{bound:g}, {bound:g}]² 之外</translation>
    </message>
    <message>
        <source>expected a header row such as &apos;x1,x2,label&apos;, found numbers</source>
        <translation>应有表头行（如 &apos;x1,x2,label&apos;），实际是数字</translation>
    </message>
    <message>
        <source>more than {count} data rows</source>
        <translation>数据行超过 {count} 行</translation>
    </message>
    <message>
        <source>file is empty; expected a header row &apos;x1,x2,label&apos; and data</source>
        <translation>文件为空：应有表头行 &apos;x1,x2,label&apos; 和数据</translation>
    </message>
    <message>
        <source>no data rows after the header</source>
        <translation>表头之后没有数据行</translation>
    </message>
    <message>
        <source>regression target {target:g} is outside [-1, 1] (the labels are regression targets because some are not integers)</source>
        <translation>回归目标值 {target:g} 超出 [-1, 1]（有些标签不是整数，所以标签被当作回归目标值）</translation>
    </message>
    <message>
        <source>class labels must be integers 0..K-1, every class present, 2 &lt;= K &lt;= {k}</source>
        <translation>类别标签应为 0..K-1 的整数，每个类别都要出现，且 2 &lt;= K &lt;= {k}</translation>
    </message>
    <message>
        <source>invalid class label {label:g}: {rule}</source>
        <translation>无效的类别标签 {label:g}：{rule}</translation>
    </message>
    <message>
        <source>class label {label} but no row has label {missing}: {rule}</source>
        <translation>有类别标签 {label}，却没有标签为 {missing} 的行：{rule}</translation>
    </message>
    <message>
        <source>every row has label 0: {rule}</source>
        <translation>每一行的标签都是 0：{rule}</translation>
    </message>
    <message>
        <source>this file was made by a newer nnsim (experiment version {version}); this nnsim reads version {ours}: please update nnsim</source>
        <translation>此文件由更新版本的 nnsim 创建（实验版本 {version}）；本 nnsim 只能读取版本 {ours}：请更新 nnsim</translation>
    </message>
    <message>
        <source>must be {format!r} (this is not an nnsim experiment?), got {got}</source>
        <translation>应为 {format!r}（这不是 nnsim 实验文件？），实际为 {got}</translation>
    </message>
    <message>
        <source>must be {version}, got {got}</source>
        <translation>应为 {version}，实际为 {got}</translation>
    </message>
    <message>
        <source>only allowed with &quot;dataset&quot;: {custom!r}</source>
        <translation>只能与 &quot;dataset&quot;: {custom!r} 一起使用</translation>
    </message>
    <message>
        <source>required with &quot;dataset&quot;: {custom!r}: a list of [x1, x2, label] rows</source>
        <translation>&quot;dataset&quot;: {custom!r} 时必须提供：由 [x1, x2, label] 行组成的列表</translation>
    </message>
    <message>
        <source>only allowed with &quot;dataset&quot;: {custom!r} and its points</source>
        <translation>只能与 &quot;dataset&quot;: {custom!r} 及其数据点一起使用</translation>
    </message>
    <message>
        <source>points and test_points hold at most {most} in all</source>
        <translation>points 与 test_points 合计最多 {most} 个</translation>
    </message>
    <message>
        <source>must be a non-empty list of feature names, got {got}</source>
        <translation>应为非空的特征名列表，实际为 {got}</translation>
    </message>
    <message>
        <source>must list at most {most} features, got {count}</source>
        <translation>最多列出 {most} 个特征，实际为 {count} 个</translation>
    </message>
    <message>
        <source>must be one of {choices}, got {got}</source>
        <translation>应为 {choices} 之一，实际为 {got}</translation>
    </message>
    <message>
        <source>must be a list of [x1, x2, label] rows, got {got}</source>
        <translation>应为由 [x1, x2, label] 行组成的列表，实际为 {got}</translation>
    </message>
    <message>
        <source>must hold {limit} points, got {count}</source>
        <translation>应有 {limit} 个数据点，实际为 {count} 个</translation>
    </message>
    <message>
        <source>must be [x1, x2, label], three numbers, got {got}</source>
        <translation>应为 [x1, x2, label] 三个数，实际为 {got}</translation>
    </message>
    <message>
        <source>must hold finite numbers</source>
        <translation>应为有限的数</translation>
    </message>
    <message>
        <source>is outside the area {area}</source>
        <translation>在区域 {area} 之外</translation>
    </message>
    <message>
        <source>… and {count} more bad rows</source>
        <translation>……另有 {count} 个错误的行</translation>
    </message>
    <message>
        <source>must be a list of 0..{most} layers, got {got}</source>
        <translation>应为 0..{most} 个层组成的列表，实际为 {got}</translation>
    </message>
    <message>
        <source>is required: an integer in 1..{most}</source>
        <translation>必须提供：1..{most} 的整数</translation>
    </message>
    <message>
        <source>must be one of {steps} (steps per second) or {max!r}, got {got}</source>
        <translation>应为 {steps}（每秒步数）之一或 {max!r}，实际为 {got}</translation>
    </message>
    <message>
        <source>must be a list of 0..{most} control names, got {got}</source>
        <translation>应为 0..{most} 个控件名组成的列表，实际为 {got}</translation>
    </message>
    <message>
        <source>must be an identifier like &apos;learning_rate&apos; ([A-Za-z_][A-Za-z0-9_]*), got {got}</source>
        <translation>应为形如 &apos;learning_rate&apos; 的标识符（[A-Za-z_][A-Za-z0-9_]*），实际为 {got}</translation>
    </message>
    <message>
        <source>{name!r} is listed twice</source>
        <translation>{name!r} 列出了两次</translation>
    </message>
    <message>
        <source>must be an integer in 1..{most} or &apos;all&apos;, got {got}</source>
        <translation>应为 1..{most} 的整数或 &apos;all&apos;，实际为 {got}</translation>
    </message>
    <message>
        <source>The gradient is zero here: no step size moves the weights.</source>
        <translation>这里的梯度为零：任何步长都不会改变权重。</translation>
    </message>
    <message>
        <source>The loss along the gradient is not finite: the weights have blown up.</source>
        <translation>沿梯度方向的损失不是有限值：权重已经爆炸。</translation>
    </message>
    <message>
        <source>{verdict} {on_batch}</source>
        <translation>{verdict}{on_batch}</translation>
    </message>
    <message>
        <source>quadratic model: no minimum (gᵀHg ≤ 0)</source>
        <translation>二次模型：没有最小值（gᵀHg ≤ 0）</translation>
    </message>
    <message>
        <source>quadratic model: minimum at η ≈ {q}, above the start past η ≈ {q2}</source>
        <translation>二次模型：最小值在 η ≈ {q}，η 超过 ≈ {q2} 后高于起点</translation>
    </message>
    <message>
        <source>{optimizer} steps {angle:.0f}° away from −g: along its actual update (dotted) the training-set loss lands at {landed}.</source>
        <translation>{optimizer} 的一步偏离 −g {angle:.0f}°：沿它的实际更新（点线），训练集损失落在 {landed}。</translation>
    </message>
    <message>
        <source>No step along this batch&apos;s gradient lowers the training loss.</source>
        <translation>沿这个小批量的梯度走任何一步都不能降低训练损失。</translation>
    </message>
    <message>
        <source>η = {lr} stops short of the minimum along the gradient: the loss still falls at η = {top}, so a larger step would go further.</source>
        <translation>η = {lr} 停在沿梯度方向的最小值之前：到 η = {top} 时损失仍在下降，步长更大会走得更远。</translation>
    </message>
    <message>
        <source>η = {lr} lands past the minimum along the gradient (best η ≈ {best}): the step skips over it.</source>
        <translation>η = {lr} 落在沿梯度方向的最小值之后（最佳 η ≈ {best}）：这一步跳过了最小值。</translation>
    </message>
    <message>
        <source>η = {lr} lands past the minimum along the gradient (best η ≈ {best}): the step skips over it and the loss goes up.</source>
        <translation>η = {lr} 落在沿梯度方向的最小值之后（最佳 η ≈ {best}）：这一步跳过了最小值，损失反而上升。</translation>
    </message>
    <message>
        <source>η = {lr} lands short of the minimum along the gradient (best η ≈ {best}): a longer step would go further.</source>
        <translation>η = {lr} 落在沿梯度方向的最小值之前（最佳 η ≈ {best}）：步长更长会走得更远。</translation>
    </message>
    <message>
        <source>η = {lr} lands near the minimum along the gradient (best η ≈ {best}).</source>
        <translation>η = {lr} 落在沿梯度方向的最小值附近（最佳 η ≈ {best}）。</translation>
    </message>
    <message>
        <source>On the mini-batch itself no step lowers its loss.</source>
        <translation>在这个小批量本身上，任何一步都不能降低它的损失。</translation>
    </message>
    <message>
        <source>On the mini-batch itself its loss still falls at η = {top}.</source>
        <translation>在这个小批量本身上，到 η = {top} 时它的损失仍在下降。</translation>
    </message>
    <message>
        <source>On the mini-batch itself it lands past the minimum (best η ≈ {best}).</source>
        <translation>在这个小批量本身上，它落在最小值之后（最佳 η ≈ {best}）。</translation>
    </message>
    <message>
        <source>On the mini-batch itself it lands past the minimum and its loss goes up (best η ≈ {best}).</source>
        <translation>在这个小批量本身上，它落在最小值之后，损失反而上升（最佳 η ≈ {best}）。</translation>
    </message>
    <message>
        <source>On the mini-batch itself it falls short of the minimum (best η ≈ {best}).</source>
        <translation>在这个小批量本身上，它停在最小值之前（最佳 η ≈ {best}）。</translation>
    </message>
    <message>
        <source>On the mini-batch itself it lands near the minimum (best η ≈ {best}).</source>
        <translation>在这个小批量本身上，它落在最小值附近（最佳 η ≈ {best}）。</translation>
    </message>
    <message>
        <source>batch {start} → {end}</source>
        <translation>小批量 {start} → {end}</translation>
    </message>
    <message>
        <source>batch {start} → {end} (no step along this gradient lowers it)</source>
        <translation>小批量 {start} → {end}（沿这个梯度走任何一步都不能降低它）</translation>
    </message>
    <message>
        <source>batch {start} → {end} (best {loss} at η ≈ {eta})</source>
        <translation>小批量 {start} → {end}（最佳 {loss}，在 η ≈ {eta}）</translation>
    </message>
    <message>
        <source>training set {start} → {end}</source>
        <translation>训练集 {start} → {end}</translation>
    </message>
    <message>
        <source>training set {start} → {end} (no step along this gradient lowers it)</source>
        <translation>训练集 {start} → {end}（沿这个梯度走任何一步都不能降低它）</translation>
    </message>
    <message>
        <source>training set {start} → {end} (best {loss} at η ≈ {eta})</source>
        <translation>训练集 {start} → {end}（最佳 {loss}，在 η ≈ {eta}）</translation>
    </message>
    <message>
        <source>at once</source>
        <translation>立即</translation>
    </message>
    <message>
        <source>never</source>
        <translation>永远不会</translation>
    </message>
    <message>
        <source>≈ {steps} steps</source>
        <translation>≈ {steps} 步</translation>
    </message>
    <message>
        <source>Gradient descent converges iff 0 &lt; η &lt; 2/λ_max = 2/{curvature:g} = {limit:.4g}; below 1/λ_max = {half:.4g} every step stays short of the valley floor.</source>
        <translation>梯度下降收敛当且仅当 0 &lt; η &lt; 2/λ_max = 2/{curvature:g} = {limit:.4g}；η 低于 1/λ_max = {half:.4g} 时，每一步都停在谷底之前。</translation>
    </message>
    <message>
        <source>With momentum μ = {momentum:g} (Distill&apos;s β) it converges iff 0 &lt; ηλ &lt; {bound} for every curvature λ: η &lt; {limit:.4g} here, against 2/λ_max = {plain:.4g} without momentum.</source>
        <translation>动量 μ = {momentum:g}（即 Distill 中的 β）时，收敛当且仅当对每个曲率 λ 都有 0 &lt; ηλ &lt; {bound}：这里是 η &lt; {limit:.4g}，而没有动量时是 2/λ_max = {plain:.4g}。</translation>
    </message>
    <message>
        <source>monotone: every step lands short of the minimum, never across it</source>
        <translation>单调：每一步都落在最小值之前，从不越过它</translation>
    </message>
    <message>
        <source>oscillating: in the steep direction each step jumps across the valley (1 − ηλ_max = {factor:.3g}), shrinking ×{rate:.3g} a step</source>
        <translation>振荡：在陡峭方向上每一步都跳过山谷（1 − ηλ_max = {factor:.3g}），每步缩小为 ×{rate:.3g}</translation>
    </message>
    <message>
        <source>oscillating: in the steep direction each step jumps across the valley, shrinking ×{rate:.3g} a step</source>
        <translation>振荡：在陡峭方向上每一步都跳过山谷，每步缩小为 ×{rate:.3g}</translation>
    </message>
    <message>
        <source>ripples: the path spirals in, shrinking {rate:.3g}× a step (√μ = {root:.3g}) in the steep direction</source>
        <translation>波纹：路径螺旋收敛，在陡峭方向上每步缩小为 {rate:.3g}×（√μ = {root:.3g}）</translation>
    </message>
    <message>
        <source>divergent: η ≥ {limit:.4g}, each step ends farther away than it started (×{rate:.3g} a step)</source>
        <translation>发散：η ≥ {limit:.4g}，每一步结束时都比出发时离得更远（每步 ×{rate:.3g}）</translation>
    </message>
    <message>
        <source>stalled: η = 0 never moves</source>
        <translation>停滞：η = 0 时永远不动</translation>
    </message>
    <message>
        <source>{regime}; the slowest direction shrinks ×{slowest:.4g} a step ({steps} to a tenth)</source>
        <translation>{regime}；最慢的方向每步缩小为 ×{slowest:.4g}（{steps}缩到十分之一）</translation>
    </message>
    <message>
        <source>η = {lr:g}: {regime}.</source>
        <translation>η = {lr:g} 时，{regime}。</translation>
    </message>
    <message>
        <source>training needs about {need} of memory ({train} training samples, {batch} a step, {layers} hidden layers of {units} units in all); {allowed}: use a smaller batch, fewer or narrower layers, or fewer samples</source>
        <translation>训练大约需要 {need} 内存（{train} 个训练样本，每步 {batch} 个，{layers} 个隐藏层，共 {units} 个神经元）；{allowed}：请用更小的批大小、更少或更窄的层，或更少的样本</translation>
    </message>
    <message>
        <source>the {runs} runs together need about {need} of memory (the largest {largest}); {allowed}: compare fewer runs, or smaller ones (a smaller batch, fewer or narrower layers, or fewer samples)</source>
        <translation>这 {runs} 次运行一起大约需要 {need} 内存（最大的一次 {largest}）；{allowed}：请比较更少的运行，或更小的运行（更小的批大小、更少或更窄的层，或更少的样本）</translation>
    </message>
    <message>
        <source>nnsim allows {limit}</source>
        <translation>nnsim 最多允许 {limit}</translation>
    </message>
    <message>
        <source>nnsim allows {limit} (half this machine&apos;s {machine}, at most {most})</source>
        <translation>nnsim 最多允许 {limit}（本机 {machine} 的一半，且不超过 {most}）</translation>
    </message>
</context>
<context>
    <name>Exporter</name>
    <message>
        <source>background</source>
        <translation>背景</translation>
    </message>
    <message>
        <source>width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <source>height</source>
        <translation>高度</translation>
    </message>
    <message>
        <source>antialias</source>
        <translation>抗锯齿</translation>
    </message>
    <message>
        <source>invertValue</source>
        <translation>反转数值</translation>
    </message>
    <message>
        <source>scaling stroke</source>
        <translation>线宽随缩放</translation>
    </message>
    <message>
        <source>separator</source>
        <translation>分隔符</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <source>columnMode</source>
        <translation>列格式</translation>
    </message>
</context>
<context>
    <name>Form</name>
    <message>
        <source>Link Axis:</source>
        <translation>关联坐标轴：</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Links this axis with another view. When linked, both views will display the same data range.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;将此坐标轴与另一个视图关联。关联后，两个视图显示相同的数据范围。&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Percent of data to be visible when auto-scaling. It may be useful to decrease this value for data with spiky noise.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;自动缩放时可见数据的百分比。对于有尖峰噪声的数据，调低此值可能有用。&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Automatically resize this axis whenever the displayed data is changed.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;每当显示的数据改变时，自动调整此坐标轴的范围。&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Set the range for this axis manually. This disables automatic scaling. &lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;手动设置此坐标轴的范围。这会关闭自动缩放。&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Minimum value to display for this axis.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;此坐标轴显示的最小值。&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Maximum value to display for this axis.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;此坐标轴显示的最大值。&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Inverts the display of this axis. (+y points downward instead of upward)&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;反转此坐标轴的方向。（+y 朝下而不是朝上）&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>Invert Axis</source>
        <translation>反转坐标轴</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Enables mouse interaction (panning, scaling) for this axis.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;允许用鼠标操作此坐标轴（平移、缩放）。&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>Mouse Enabled</source>
        <translation>启用鼠标</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;When checked, the axis will only auto-scale to data that is visible along the orthogonal axis.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;选中时，此坐标轴只按另一坐标轴上可见的数据自动缩放。&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>Visible Data Only</source>
        <translation>仅可见数据</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;When checked, the axis will automatically pan to center on the current data, but the scale along this axis will not change.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;选中时，此坐标轴会自动平移使当前数据居中，但缩放比例不变。&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>Auto Pan Only</source>
        <translation>仅自动平移</translation>
    </message>
    <message>
        <source>Downsample</source>
        <translation>降采样</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation>透明度</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>数据点</translation>
    </message>
    <message>
        <source>Display averages of the curves displayed in this plot. The parameter list allows you to choose parameters to average over (if any are available).</source>
        <translation>显示此图中各曲线的平均值。可在参数列表中选择按哪些参数求平均（如果有的话）。</translation>
    </message>
    <message>
        <source>Plot only the portion of each curve that is visible. This assumes X values are uniformly spaced.</source>
        <translation>只绘制每条曲线的可见部分。这假定 X 值等间距。</translation>
    </message>
    <message>
        <source>Clip to View</source>
        <translation>裁剪到视图</translation>
    </message>
    <message>
        <source>If multiple curves are displayed in this plot, check this box to limit the number of traces that are displayed.</source>
        <translation>如果此图显示多条曲线，勾选此项可限制显示的曲线数量。</translation>
    </message>
    <message>
        <source>Max Traces:</source>
        <translation>最多曲线数：</translation>
    </message>
    <message>
        <source>Downsample by drawing a saw wave that follows the min and max of the original data. This method produces the best visual representation of the data but is slower.</source>
        <translation>通过绘制沿原始数据最小值和最大值起伏的锯齿波来降采样。这种方法的显示效果最好，但较慢。</translation>
    </message>
    <message>
        <source>Peak</source>
        <translation>峰值</translation>
    </message>
    <message>
        <source>If multiple curves are displayed in this plot, check &quot;Max Traces&quot; and set this value to limit the number of traces that are displayed.</source>
        <translation>如果此图显示多条曲线，勾选“最多曲线数”并设置此值，可限制显示的曲线数量。</translation>
    </message>
    <message>
        <source>If MaxTraces is checked, remove curves from memory after they are hidden (saves memory, but traces can not be un-hidden).</source>
        <translation>如果勾选了“最多曲线数”，曲线被隐藏后即从内存中移除（节省内存，但无法再显示）。</translation>
    </message>
    <message>
        <source>Forget hidden traces</source>
        <translation>丢弃隐藏的曲线</translation>
    </message>
    <message>
        <source>Downsample by taking the mean of N samples.</source>
        <translation>取每 N 个样本的平均值来降采样。</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <source>Downsample by taking the first of N samples. This method is fastest and least accurate.</source>
        <translation>取每 N 个样本中的第一个来降采样。这种方法最快，但最不精确。</translation>
    </message>
    <message>
        <source>Subsample</source>
        <translation>抽样</translation>
    </message>
    <message>
        <source>Automatically downsample data based on the visible range. This assumes X values are uniformly spaced.</source>
        <translation>根据可见范围自动降采样。这假定 X 值等间距。</translation>
    </message>
    <message>
        <source>Downsample data before plotting. (plot every Nth sample)</source>
        <translation>绘图前先降采样。（每隔 N 个样本绘制一个）</translation>
    </message>
    <message>
        <source>Log X</source>
        <translation>对数 X</translation>
    </message>
    <message>
        <source>Y vs. Y&apos;</source>
        <translation>Y 对 Y′</translation>
    </message>
    <message>
        <source>Power Spectrum (FFT)</source>
        <translation>功率谱（快速傅里叶变换）</translation>
    </message>
    <message>
        <source>Log Y</source>
        <translation>对数 Y</translation>
    </message>
    <message>
        <source>Subtract Mean</source>
        <translation>减去均值</translation>
    </message>
    <message>
        <source>Show X Grid</source>
        <translation>显示 X 网格</translation>
    </message>
    <message>
        <source>Show Y Grid</source>
        <translation>显示 Y 网格</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>不透明度</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Item to export:</source>
        <translation>要导出的项：</translation>
    </message>
    <message>
        <source>Export format</source>
        <translation>导出格式</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Export options</source>
        <translation>导出选项</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
</context>
<context>
    <name>GraphicsScene</name>
    <message>
        <source>Export...</source>
        <translation>导出…</translation>
    </message>
</context>
<context>
    <name>ImageView</name>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
</context>
<context>
    <name>PlotItem</name>
    <message>
        <source>Plot Options</source>
        <translation>绘图选项</translation>
    </message>
    <message>
        <source>Transforms</source>
        <translation>变换</translation>
    </message>
    <message>
        <source>Downsample</source>
        <translation>降采样</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation>透明度</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>数据点</translation>
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
<context>
    <name>ViewBox</name>
    <message>
        <source>ViewBox options</source>
        <translation>视图选项</translation>
    </message>
    <message>
        <source>View All</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <source>axis</source>
        <translation>轴</translation>
    </message>
    <message>
        <source>Mouse Mode</source>
        <translation>鼠标模式</translation>
    </message>
    <message>
        <source>3 button</source>
        <translation>三键模式</translation>
    </message>
    <message>
        <source>1 button</source>
        <translation>单键模式</translation>
    </message>
</context>
</TS>
